/**
 * Quiet hours and telephony throttling (SPEC §4.4; edge cases 6 and 26).
 *
 * - `app_user.quiet_hours`: JSON `{ "start": "HH:MM", "end": "HH:MM" }` in the person's own time zone,
 *   or null. A low-urgency page due inside the window waits for its end.
 * - `notification.deferred_reason` / `deferred_until`: why and until when a notification was held back
 *   (`quiet_hours`, `throttled`); kept after delivery, so the record shows it was deferred.
 * - `delivery_attempt.destination`: the phone number of an SMS or voice attempt (null for other
 *   channels). Throttling counts recent attempts per number, whoever and whatever they were for, so it
 *   is indexed with the attempt's start.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  await db.schema.alterTable('app_user').addColumn('quiet_hours', 'text').execute();
  await db.schema.alterTable('notification').addColumn('deferred_reason', 'text').execute();
  await db.schema.alterTable('notification').addColumn('deferred_until', ts).execute();
  await db.schema.alterTable('delivery_attempt').addColumn('destination', 'text').execute();
  await db.schema.createIndex('delivery_attempt_destination').on('delivery_attempt').columns(['destination', 'started_at']).execute();
}
