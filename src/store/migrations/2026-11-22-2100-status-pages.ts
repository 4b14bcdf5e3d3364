/**
 * Status pages, subscribers, stakeholder updates and the intake portal (SPEC §4.5).
 *
 * - `status_page`: public or internal (login required); `slug` and `hostname` (custom domain) unique.
 * - `status_component`: components and their groups in one table (a group is a component with
 *   `is_group = 1`, as in Statuspage's JSON); `service_id` links a component to a service, whose
 *   incidents posted to the page set its status; `manual_status` set by hand overrides.
 * - `status_incident`: an incident posted to a page (once per page), with its public `title` and the
 *   status of its latest update; `status_update`: each update posted (Statuspage statuses).
 * - `maintenance_window_status_page`: a maintenance window (§4.1) shown on a page (one model).
 * - `status_subscriber`: e-mail (double opt-in: `confirmed_at`) or webhook; `component_ids` JSON, null
 *   for the whole page; `unsubscribed_at` once they left. Confirm/unsubscribe links are HMAC-signed
 *   (no token is stored).
 * - `outbound_message`: one message to one address (a subscriber's update, a confirmation, a
 *   stakeholder update), rendered when it is created and sent by the job runner; `idempotency_key`
 *   unique, so an update goes once per subscriber; `outbound_attempt`: one row per try.
 * - `stakeholder_audience` / `stakeholder_update`: internal audiences and what was sent to them.
 * - `intake_report`: an employee's structured report from `/help`, with the incident it became.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';

  await db.schema
    .createTable('status_page')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('hostname', 'text', (c) => c.unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('status_component')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_page.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_group', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('group_id', 'text', (c) => c.references('status_component.id').onDelete('set null'))
    .addColumn('service_id', 'text', (c) => c.references('service.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('manual_status', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_component_page').on('status_component').columns(['page_id', 'position']).execute();
  await db.schema.createIndex('status_component_service').on('status_component').column('service_id').execute();

  await db.schema
    .createTable('status_incident')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_page.id').onDelete('cascade'))
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('resolved_at', ts)
    .addUniqueConstraint('status_incident_page_incident', ['page_id', 'incident_id'])
    .execute();
  await db.schema.createIndex('status_incident_incident').on('status_incident').column('incident_id').execute();

  await db.schema
    .createTable('status_update')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status_incident_id', 'text', (c) => c.notNull().references('status_incident.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_update_incident').on('status_update').columns(['status_incident_id', 'created_at']).execute();

  await db.schema
    .createTable('maintenance_window_status_page')
    .addColumn('window_id', 'text', (c) => c.notNull().references('maintenance_window.id').onDelete('cascade'))
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_page.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('maintenance_window_status_page_pk', ['window_id', 'page_id'])
    .execute();
  await db.schema.createIndex('maintenance_window_status_page_page').on('maintenance_window_status_page').column('page_id').execute();

  await db.schema
    .createTable('status_subscriber')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_page.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('component_ids', 'text')
    .addColumn('confirmed_at', ts)
    .addColumn('unsubscribed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('status_subscriber_address', ['page_id', 'channel', 'address'])
    .execute();

  await db.schema
    .createTable('outbound_message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_json', 'text')
    .addColumn('signing_id', 'text')
    .addColumn('page_id', 'text', (c) => c.references('status_page.id').onDelete('cascade'))
    .addColumn('subscriber_id', 'text', (c) => c.references('status_subscriber.id').onDelete('cascade'))
    .addColumn('incident_id', 'text', (c) => c.references('incident.id').onDelete('cascade'))
    .addColumn('source_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('delivered_at', ts)
    .execute();
  await db.schema.createIndex('outbound_message_source').on('outbound_message').column('source_id').execute();
  await db.schema.createIndex('outbound_message_incident').on('outbound_message').column('incident_id').execute();
  await db.schema.createIndex('outbound_message_subscriber').on('outbound_message').column('subscriber_id').execute();

  await db.schema
    .createTable('outbound_attempt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('outbound_message.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .addColumn('outcome', 'text')
    .addColumn('status_code', 'integer')
    .addColumn('code', 'text')
    .addColumn('error', 'text')
    .addUniqueConstraint('outbound_attempt_number', ['message_id', 'attempt'])
    .execute();

  await db.schema
    .createTable('stakeholder_audience')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('all_users', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('user_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('emails', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('stakeholder_update')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('audience_ids', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('impact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('current_status', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_update_at', ts)
    .addColumn('recipient_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stakeholder_update_incident').on('stakeholder_update').columns(['incident_id', 'created_at']).execute();

  await db.schema
    .createTable('intake_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incident.id').onDelete('cascade'))
    .addColumn('reporter_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('security_flag', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intake_report_incident').on('intake_report').column('incident_id').execute();
  await db.schema.createIndex('intake_report_flag').on('intake_report').columns(['security_flag', 'created_at']).execute();
}
