/**
 * Notification delivery records (SPEC §4.4): one `notification` row per message to one contact method
 * of one person (a page, a test, a reminder), and one `delivery_attempt` row per try to send it.
 *
 * - `idempotency_key` is unique: creating the same notification twice (a job that ran twice, two
 *   instances racing) inserts one row. The key also travels on the wire (`webhook-id`, e-mail
 *   `Message-ID`), identical on every attempt, so a receiver can drop a duplicate after an attempt
 *   whose outcome was unknown.
 * - `lease_until` claims the row for one attempt at a time across workers and instances; an attempt
 *   row is written before sending and completed after, so a crash mid-send leaves an attempt without
 *   an outcome (read as unknown) and the lease lets the retry proceed later.
 * - `contact_method_id` is set to null when the contact method is deleted, so the history survives.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';

  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.references('incident.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('contact_method_id', 'text', (c) => c.references('contact_method.id').onDelete('set null'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('urgency', 'integer')
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('delivered_at', ts)
    .addColumn('next_attempt_at', ts)
    .addColumn('lease_until', ts)
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('notification_incident').on('notification').column('incident_id').execute();
  await db.schema.createIndex('notification_user').on('notification').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('notification_contact_method').on('notification').column('contact_method_id').execute();

  await db.schema
    .createTable('delivery_attempt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notification.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .addColumn('outcome', 'text')
    .addColumn('http_status', 'integer')
    .addColumn('code', 'text')
    .addColumn('error', 'text')
    .addColumn('retry_at', ts)
    .addUniqueConstraint('delivery_attempt_number', ['notification_id', 'attempt'])
    .execute();
}
