/**
 * The durable job runner (SPEC §4.4). Every scheduled thing is a `job` row with a due time.
 *
 * - Scheduling (schedule.ts) happens in the caller's transaction, with the change that causes it;
 *   the key makes it idempotent. Services import only schedule.ts and kind.ts, never the runner.
 * - Claiming (claim.ts): due pending rows and running rows whose lease expired, leased to one runner
 *   (`lease_owner`, `lease_until`), with FOR UPDATE SKIP LOCKED on PostgreSQL.
 * - Settling is fenced (settle.ts): `UPDATE job … WHERE id = ? AND lease_owner = me AND status =
 *   'running'`, in the same transaction as the handler's database effects; no row means another
 *   runner took the job over, and the transaction rolls back (LeaseLostError). So a handler's
 *   database effects commit exactly once, however often it runs.
 * - A handler runs at least once. Work outside the settling transaction (network I/O: notification
 *   delivery) can repeat when a runner dies or stalls past its lease; such a handler carries its own
 *   idempotency key (webhook-id, Message-ID) and records the outcome when it settles.
 * - A handler that throws is retried with exponential backoff and jitter; after its kind's
 *   maxAttempts (runs started, a crashed run included) the job fails and keeps last_error.
 * - A running handler's lease is extended by a heartbeat; `ctx.signal` aborts when it was lost.
 */
export { type BackoffOptions, backoff, DEFAULT_BACKOFF } from './backoff.js';
export { type JobKind, jobKind } from './kind.js';
export { type JobRunnerOptions, JobRunner } from './runner.js';
export { type CancelJobs, cancelJobs, type RescheduleJob, rescheduleJob, type ScheduleJob, scheduleJob } from './schedule.js';
export {
  defineHandler,
  type Effects,
  type Executor,
  type Job,
  type JobContext,
  type JobEvent,
  type JobHandler,
  type JobOutcome,
  type JobStatus,
  LeaseLostError,
} from './types.js';
