/**
 * On-call (SPEC §4.3, §4.4): schedules with their layers and overrides, escalation policies, personal
 * notification rules, and each incident's escalation state. Structured parts that are read and
 * written whole (a rotation, a layer's member periods and restrictions, a policy's levels) are JSON
 * text, checked by the domain (domain/schedule, domain/escalation) when saved.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  await db.schema
    .createTable('schedule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('schedule_layer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedule.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rotation', 'text', (c) => c.notNull())
    .addColumn('member_periods', 'text', (c) => c.notNull())
    .addColumn('restrictions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('starts_at', ts)
    .addColumn('ends_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schedule_layer_schedule').on('schedule_layer').columns(['schedule_id', 'position']).execute();
  await db.schema
    .createTable('schedule_override')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedule.id').onDelete('cascade'))
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('app_user.id').onDelete('cascade'))
    .addColumn('replaces_user_id', 'text', (c) => c.references('app_user.id').onDelete('cascade'))
    .addColumn('created_by_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schedule_override_schedule_end').on('schedule_override').columns(['schedule_id', 'ends_at']).execute();
  await db.schema
    .createTable('escalation_policy')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('repeat', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('ack_timeout_minutes', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('notification_rule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('contact_method_id', 'text', (c) => c.notNull().references('contact_method.id').onDelete('cascade'))
    .addColumn('delay_minutes', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notification_rule_user').on('notification_rule').columns(['user_id', 'urgency']).execute();
  await db.schema
    .createTable('incident_escalation')
    .addColumn('incident_id', 'text', (c) => c.primaryKey().references('incident.id').onDelete('cascade'))
    .addColumn('policy_id', 'text')
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('pass', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
}
