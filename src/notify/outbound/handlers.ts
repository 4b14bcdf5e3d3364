import { defineHandler, type JobHandler } from '../../jobs/index.js';
import type { DeliveryDeps } from '../delivery/attempt.js';
import { deliverOutbound } from './deliver.js';
import { OUTBOUND_DELIVER } from './kind.js';

/**
 * The job handler of outbound messages (status-page subscribers, stakeholder updates): one attempt
 * per run (deliver.ts); a message still pending comes back at the retry time the attempt chose,
 * with the same idempotency key. Built from the DeliveryDeps the escalation handlers get.
 */
export function outboundHandlers(delivery: DeliveryDeps): JobHandler<unknown>[] {
  const deliver = defineHandler({
    kind: OUTBOUND_DELIVER,
    // The message keeps its own count and gives up by its retry policy; the job just follows it.
    maxAttempts: 1000,
    run: async (job, ctx) => {
      const r = await deliverOutbound(delivery, job.payload.messageId, ctx.now);
      if (r.status === 'pending') return ctx.retry({ at: new Date(r.retryAt), error: 'message' in r ? r.message : 'deferred' });
      await ctx.complete();
    },
  });
  return [deliver] as JobHandler<unknown>[];
}
