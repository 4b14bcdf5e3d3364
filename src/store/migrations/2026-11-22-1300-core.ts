/**
 * Core schema: settings, counters, access (users, teams, tokens, sessions), the service catalogue with
 * integrations, incidents with their timeline, participants, roles and tasks, alerts (filled by
 * [ingest]), the hash-chained audit log and the outbox.
 *
 * Portable: instants are text on SQLite and timestamptz on PostgreSQL (both read back as ISO text by
 * store/db.ts), JSON is text on both, booleans are 0/1 integers. The only dialect branches are the
 * column types below and the outbox's auto-increment key (a commit-ordered cursor for the live stream).
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';

  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('counter')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('counter').values({ name: 'incident_number', value: 0 }).execute();

  await db.schema
    .createTable('team')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_security', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('disabled_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('team_member')
    .addColumn('team_id', 'text', (c) => c.notNull().references('team.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('added_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('team_member_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_member_user').on('team_member').column('user_id').execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_used_at', ts)
    .addColumn('expires_at', ts)
    .addColumn('revoked_at', ts)
    .execute();
  await db.schema.createIndex('api_token_user').on('api_token').column('user_id').execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('session_user').on('session').column('user_id').execute();

  await db.schema
    .createTable('login_attempt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('success', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempt_ip_at').on('login_attempt').columns(['ip', 'at']).execute();
  await db.schema.createIndex('login_attempt_email_at').on('login_attempt').columns(['email_key', 'at']).execute();

  await db.schema
    .createTable('contact_method')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_method_user').on('contact_method').column('user_id').execute();

  await db.schema
    .createTable('service')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('team_id', 'text', (c) => c.references('team.id').onDelete('set null'))
    .addColumn('tier', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('escalation_policy_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('integration')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('service.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('config', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('integration_service').on('integration').column('service_id').execute();

  await db.schema
    .createTable('incident')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'bigint', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('impact', 'integer', (c) => c.notNull())
    .addColumn('urgency', 'integer', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.references('service.id').onDelete('set null'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('assessment', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('coordination_url', 'text')
    .addColumn('alert_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into_id', 'text')
    .addColumn('created_by_type', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text')
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('acknowledged_at', ts)
    .addColumn('resolved_at', ts)
    .addColumn('closed_at', ts)
    .execute();
  await db.schema.createIndex('incident_created').on('incident').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('incident_status_created').on('incident').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('incident_service_created').on('incident').columns(['service_id', 'created_at']).execute();
  await db.schema.createIndex('incident_updated').on('incident').columns(['updated_at']).execute();

  await db.schema
    .createTable('incident_service')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('service.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('incident_service_pk', ['incident_id', 'service_id'])
    .execute();
  await db.schema.createIndex('incident_service_service').on('incident_service').column('service_id').execute();

  await db.schema
    .createTable('incident_participant')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('added_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_participant_pk', ['incident_id', 'user_id'])
    .execute();
  await db.schema.createIndex('incident_participant_user').on('incident_participant').column('user_id').execute();

  await db.schema
    .createTable('incident_role')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('assigned_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_role_pk', ['incident_id', 'role'])
    .execute();

  await db.schema
    .createTable('incident_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('completed_at', ts)
    .execute();
  await db.schema.createIndex('incident_task_incident').on('incident_task').column('incident_id').execute();

  await db.schema
    .createTable('timeline_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('timeline_entry_incident').on('timeline_entry').columns(['incident_id', 'id']).execute();

  await db.schema
    .createTable('alert')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('service.id').onDelete('cascade'))
    .addColumn('integration_id', 'text', (c) => c.references('integration.id').onDelete('set null'))
    .addColumn('dedup_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('incident_id', 'text', (c) => c.references('incident.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('first_seen_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .addColumn('resolved_at', ts)
    .execute();
  await db.schema.createIndex('alert_incident').on('alert').column('incident_id').execute();
  await db.schema.createIndex('alert_service_key').on('alert').columns(['service_id', 'dedup_key']).execute();
  await db.schema.createIndex('alert_last_seen').on('alert').columns(['last_seen_at', 'id']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('request_id', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: '0'.repeat(64) }).execute();

  await db.schema
    .createTable('outbox')
    .$call((t) =>
      dialect === 'postgres'
        ? t.addColumn('id', 'bigserial', (c) => c.primaryKey())
        : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
    )
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
}
