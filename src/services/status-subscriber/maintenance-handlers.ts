import { defineHandler, type JobHandler } from '../../jobs/index.js';
import type { Store } from '../../store/db.js';
import { inTransaction, type OutboxListener, SYSTEM_ACTOR } from '../context.js';
import { MAINTENANCE_NOTICE } from './maintenance-notice-kind.js';
import { applyMaintenanceNotice, decideMaintenanceNotice } from './maintenance-notice-run.js';

export interface MaintenanceNoticeHandlerDeps {
  store: Store;
  secret: string;
  publicUrl: string;
  outbox: OutboxListener;
}

/**
 * The job handler of maintenance notices (maintenance-notice-run.ts): the messages it queues and the
 * next jobs it plans commit in the transaction that settles the job, so a run that loses its lease
 * leaves nothing behind, and the messages' keys make a second run (or another instance) queue none.
 */
export function maintenanceNoticeHandlers(d: MaintenanceNoticeHandlerDeps): JobHandler<unknown>[] {
  const notice = defineHandler({
    kind: MAINTENANCE_NOTICE,
    run: async (job, ctx) => {
      const at = { store: d.store, clock: { now: () => ctx.now }, actor: SYSTEM_ACTOR, requestId: null, secret: d.secret, publicUrl: d.publicUrl, outbox: d.outbox };
      await inTransaction(at, async (t) => {
        // Only reads before the fence; the effects come after it.
        const decision = await decideMaintenanceNotice(t.tx, job.payload, t.now);
        if (decision.kind === 'wait') return ctx.settleIn(t.tx, { status: 'retry', at: new Date(decision.until) });
        await ctx.settleIn(t.tx);
        await applyMaintenanceNotice(t, job.payload, decision);
      });
    },
  });
  return [notice] as JobHandler<unknown>[];
}
