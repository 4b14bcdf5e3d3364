/**
 * The durable job runner (src/jobs, SPEC §4.4): every pending escalation step, notification retry and
 * reminder is a `job` row with a due time.
 *
 * - `job.key`: unique idempotency key; scheduling a step twice (`ON CONFLICT (key) DO NOTHING`) is a
 *   no-op.
 * - `job_due`: partial index over pending rows by due time — "due pending rows, oldest first" reads
 *   only pending rows, however many finished rows the table keeps.
 * - `job_lease`: partial index over running rows by lease end — "expired leases" (a crashed runner's
 *   jobs) is just as cheap.
 * The partial indexes' conditions are literals, and so are the runner's (src/jobs/claim.ts): both
 * planners match a partial index only against the same literal.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';

  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('due_at', ts, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', ts)
    .addColumn('last_error', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .execute();
  await sql`CREATE INDEX job_due ON job (due_at) WHERE status = 'pending'`.execute(db);
  await sql`CREATE INDEX job_lease ON job (lease_until) WHERE status = 'running'`.execute(db);
}
