import type { Clock } from '../platform/clock.js';
import type { Store } from '../store/db.js';
import { backoff } from './backoff.js';
import type { JobRow } from './claim.js';
import { type Lease, extendLease, settleJob } from './settle.js';
import { type Effects, type Job, type JobContext, type JobEvent, type JobHandler, type JobOutcome, LeaseLostError } from './types.js';

export const DEFAULT_MAX_ATTEMPTS = 10;

export interface RunDeps {
  store: Store;
  clock: Clock;
  owner: string;
  leaseMs: number;
  heartbeatMs: number;
  random: () => number;
  emit(event: JobEvent): void;
}

/**
 * Run one claimed job to a settled state, or to a lost lease. Never throws. The runner's time for the
 * job is the tick's instant or the clock, whichever is later, so it never runs backwards from the
 * claim (tests inject ticks ahead of a fake clock; in production the clock moves on).
 */
export async function runJob(d: RunDeps, handler: JobHandler<unknown>, row: JobRow, claimedAt: Date): Promise<void> {
  const lease: Lease = { id: row.id, owner: d.owner };
  const now = () => new Date(Math.max(claimedAt.getTime(), d.clock.now().getTime()));
  const maxAttempts = handler.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const event = (type: JobEvent['type'], error?: unknown) => d.emit({ type, jobId: row.id, kind: row.kind, attempt: row.attempts, error });
  const settleOwn = async <T>(outcome: JobOutcome, effects?: Effects<T>): Promise<T | undefined> =>
    d.store.db.transaction().execute(async (tx) => {
      await settleJob(tx, lease, outcome, now()); // the fence first: effects never run for a lost job
      return effects ? effects(tx) : undefined;
    });
  // A retry on the last allowed attempt fails the job for good.
  const bounded = (o: JobOutcome): JobOutcome =>
    o.status === 'retry' && row.attempts >= maxAttempts ? { status: 'failed', error: o.error ?? `gave up after ${row.attempts} attempts` } : o;
  const retryAt = () => new Date(now().getTime() + backoff(row.attempts, { ...handler.backoff, random: d.random }));

  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    return finish(settleOwn({ status: 'failed', error: 'payload is not valid JSON' }), 'failed', event);
  }
  if (row.attempts > maxAttempts) {
    const error = `gave up after ${maxAttempts} attempts: the last run did not settle before its lease expired`;
    return finish(settleOwn({ status: 'failed', error }), 'failed', event);
  }

  // Heartbeat: while the handler runs, keep the lease ahead of the clock; a lost lease aborts `signal`.
  const controller = new AbortController();
  let leaseUntil = new Date(row.leaseUntil!).getTime();
  let beating = false;
  const heartbeat = setInterval(() => {
    if (beating || controller.signal.aborted) return;
    beating = true;
    const until = Math.max(leaseUntil, now().getTime() + d.leaseMs);
    extendLease(d.store.db, lease, new Date(until), now())
      .then((held) => {
        if (held) leaseUntil = until;
        else controller.abort(new LeaseLostError(row.id));
      }, (error: unknown) => event('error', error))
      .finally(() => {
        beating = false;
      });
  }, d.heartbeatMs);
  heartbeat.unref();

  // Who settled the job: nobody yet, this runner's transaction, or the handler's own (settleIn).
  const state: { settled: 'no' | 'busy' | 'runner' | 'caller'; outcome: JobOutcome } = { settled: 'no', outcome: { status: 'done' } };
  const settle = async <T>(o: JobOutcome, effects?: Effects<T>): Promise<T> => {
    if (state.settled !== 'no') throw new Error(`job ${row.id} is already settled`);
    state.settled = 'busy';
    const bound = bounded(o);
    try {
      const result = await settleOwn(bound, effects);
      state.settled = 'runner';
      state.outcome = bound;
      return result as T;
    } catch (err) {
      state.settled = 'no';
      throw err;
    }
  };
  const ctx: JobContext = {
    now: claimedAt,
    clock: d.clock,
    signal: controller.signal,
    complete: (effects) => settle({ status: 'done' }, effects),
    retry: (o = {}) => settle({ status: 'retry', at: o.at ?? retryAt(), error: o.error }, o.effects),
    fail: (error, effects) => settle({ status: 'failed', error }, effects),
    settleIn: async (tx, o = { status: 'done' }) => {
      const bound = bounded(o);
      await settleJob(tx, lease, bound, now());
      state.settled = 'caller'; // assumed committed once the handler returns
      state.outcome = bound;
    },
  };
  const job: Job = { id: row.id, kind: row.kind, key: row.key, payload, dueAt: row.dueAt, attempt: row.attempts, createdAt: row.createdAt };

  try {
    await handler.run(job, ctx);
    if (state.settled === 'runner' || state.settled === 'caller') return event(state.outcome.status);
    return await finish(settleOwn({ status: 'done' }), 'done', event);
  } catch (err) {
    if (err instanceof LeaseLostError) return event('lost');
    if (state.settled === 'runner') return event('error', err); // threw after its settlement committed
    // A thrown error is transient: retry with backoff, or fail on the last attempt. If the handler's
    // own transaction settled and committed before it threw, the fence makes this a no-op.
    const message = err instanceof Error ? err.message : String(err);
    const failure = bounded({ status: 'retry', at: retryAt(), error: message });
    return await finish(settleOwn(failure), failure.status, event, state.settled === 'caller');
  } finally {
    clearInterval(heartbeat);
  }
}

async function finish(
  settling: Promise<unknown>,
  type: JobEvent['type'],
  event: (type: JobEvent['type'], error?: unknown) => void,
  quietIfLost = false,
): Promise<void> {
  try {
    await settling;
    event(type);
  } catch (err) {
    if (!(err instanceof LeaseLostError)) event('error', err); // the lease expires and another run retries
    else if (!quietIfLost) event('lost');
  }
}
