/**
 * Change events (deploys, configuration changes) per service, from PagerDuty change events and the
 * API, so an incident can show what changed on its services shortly before it started (SPEC §4.6).
 * The integration may be deleted later; its changes stay with the service (ON DELETE SET NULL).
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  await db.schema
    .createTable('change_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('service.id').onDelete('cascade'))
    .addColumn('integration_id', 'text', (c) => c.references('integration.id').onDelete('set null'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('occurred_at', ts, (c) => c.notNull())
    .addColumn('received_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('change_event_service_occurred').on('change_event').columns(['service_id', 'occurred_at']).execute();
  await db.schema.createIndex('change_event_occurred').on('change_event').columns(['occurred_at', 'id']).execute();
}
