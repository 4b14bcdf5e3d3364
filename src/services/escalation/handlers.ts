import { defineHandler, type JobHandler } from '../../jobs/index.js';
import { attemptDelivery, type DeliveryDeps } from '../../notify/delivery/attempt.js';
import type { Store } from '../../store/db.js';
import { inTransaction, type OutboxListener, SYSTEM_ACTOR } from '../context.js';
import { ackTimedOut } from './ack-timeout.js';
import { ACK_TIMEOUT, DELIVER_NOTIFICATION, ESCALATION_STEP } from './kinds.js';
import { pageStep } from './page-step.js';
import { SHIFT_REMINDERS } from '../reminders/kinds.js';
import { scanShiftReminders } from '../reminders/scan.js';

export interface EscalationHandlerDeps {
  store: Store;
  secret: string;
  publicUrl: string;
  outbox: OutboxListener;
  delivery: DeliveryDeps;
}

/**
 * The job handlers of paging: an escalation step writes its pages (notifications, timeline, the next
 * step) in the transaction that settles its job, so it happens once even if a runner dies mid-way;
 * a delivery makes one attempt (notify/delivery/attempt.ts) and comes back at the retry time the
 * attempt chose, with the same idempotency key.
 */
export function escalationHandlers(d: EscalationHandlerDeps): JobHandler<unknown>[] {
  /** The system acting at the job's instant. */
  // The throttle's count per number is serialised by the database's own means (throttle.ts).
  const delivery: DeliveryDeps = { ...d.delivery, dialect: d.delivery.dialect ?? d.store.dialect };
  const at = (now: Date) => ({ store: d.store, clock: { now: () => now }, actor: SYSTEM_ACTOR, requestId: null, secret: d.secret, publicUrl: d.publicUrl, outbox: d.outbox });
  const step = defineHandler({
    kind: ESCALATION_STEP,
    run: async (job, ctx) => {
      await inTransaction(at(ctx.now), async (t) => {
        await ctx.settleIn(t.tx);
        await pageStep(t, job.payload);
      });
    },
  });
  const deliver = defineHandler({
    kind: DELIVER_NOTIFICATION,
    // The attempt keeps its own count and gives up by its retry policy; the job just follows it.
    maxAttempts: 1000,
    run: async (job, ctx) => {
      const r = await attemptDelivery(delivery, job.payload.notificationId, ctx.now);
      if (r.status === 'pending') return ctx.retry({ at: new Date(r.retryAt), error: 'message' in r ? r.message : 'deferred' });
      await ctx.complete();
    },
  });
  const reminders = defineHandler({
    kind: SHIFT_REMINDERS,
    run: async (_job, ctx) => {
      await inTransaction(at(ctx.now), async (t) => {
        await ctx.settleIn(t.tx);
        await scanShiftReminders(t);
      });
    },
  });
  const ackTimeout = defineHandler({
    kind: ACK_TIMEOUT,
    run: async (job, ctx) => {
      await inTransaction(at(ctx.now), async (t) => {
        await ctx.settleIn(t.tx);
        await ackTimedOut(t, job.payload);
      });
    },
  });
  return [step, deliver, reminders, ackTimeout] as JobHandler<unknown>[];
}
