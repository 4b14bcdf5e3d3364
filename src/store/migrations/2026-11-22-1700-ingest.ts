/**
 * Alert ingestion ([ingest], SPEC §4.1): the event log, one open alert per (service, dedup key),
 * event rules, maintenance windows, heartbeats and per-service ingest settings.
 *
 * - `event`: every inbound alert event as received (normalised), with what it did (`outcome`) and why
 *   (`reason`). Written in the same transaction as its effect, so a 202 means both are on disk.
 * - `alert_open_key`: a partial unique index — at most one open (unresolved) alert per service and
 *   key, even with several instances racing on PostgreSQL.
 * - `incident.grouping_key`: the content key an alert-created incident was opened with (content
 *   grouping joins later alerts with the same key).
 * - `alert.group_key`: SHA-256 of an Alertmanager group key: alerts of one group share an incident.
 * - `alert.grouping_key`: the content key of the service's grouping fields (threshold counting).
 * - `alert.sender_key`: the dedup key as the sender gave it, before event rules re-keyed or routed the
 *   alert, so the sender's acknowledge/resolve still finds it.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';

  await db.schema
    .createTable('event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('service.id').onDelete('cascade'))
    .addColumn('integration_id', 'text', (c) => c.references('integration.id').onDelete('set null'))
    .addColumn('alert_id', 'text', (c) => c.references('alert.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('dedup_key', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('occurred_at', ts, (c) => c.notNull())
    .addColumn('received_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_alert').on('event').columns(['alert_id', 'received_at']).execute();

  await db.schema.alterTable('alert').addColumn('group_key', 'text').execute();
  await db.schema.alterTable('alert').addColumn('acknowledged_at', ts).execute();
  await db.schema.alterTable('alert').addColumn('grouping_key', 'text').execute();
  await db.schema.alterTable('alert').addColumn('sender_key', 'text').execute();
  await db.schema.createIndex('alert_sender_key').on('alert').columns(['integration_id', 'sender_key']).execute();
  await sql`CREATE UNIQUE INDEX alert_open_key ON alert (service_id, dedup_key) WHERE resolved_at IS NULL`.execute(db);
  await db.schema.createIndex('alert_group').on('alert').columns(['group_key', 'integration_id']).execute();
  await db.schema.alterTable('incident').addColumn('grouping_key', 'text').execute();
  await db.schema.createIndex('incident_service_status').on('incident').columns(['service_id', 'status', 'created_at']).execute();
  await db.schema.alterTable('service').addColumn('ingest_config', 'text', (c) => c.notNull().defaultTo('{}')).execute();

  await db.schema
    .createTable('event_rule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.references('service.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('stop_on_match', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_rule_scope').on('event_rule').columns(['service_id', 'position']).execute();

  await db.schema
    .createTable('maintenance_window')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts)
    .addColumn('recurrence', 'text')
    .addColumn('created_by_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('maintenance_window_service')
    .addColumn('window_id', 'text', (c) => c.notNull().references('maintenance_window.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('service.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('maintenance_window_service_pk', ['window_id', 'service_id'])
    .execute();
  await db.schema.createIndex('maintenance_window_service_by_service').on('maintenance_window_service').column('service_id').execute();

  await db.schema
    .createTable('heartbeat')
    .addColumn('integration_id', 'text', (c) => c.primaryKey().references('integration.id').onDelete('cascade'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('last_ping_at', ts)
    .addColumn('due_at', ts)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('heartbeat_due').on('heartbeat').columns(['enabled', 'due_at']).execute();
}
