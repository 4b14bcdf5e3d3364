import type { LifecycleAction } from '../../domain/incident/lifecycle.js';
import { nextStep, type PolicyShape } from '../../domain/escalation/policy.js';
import { cancelJobs, scheduleJob } from '../../jobs/schedule.js';
import { cancelNotifications } from '../../notify/delivery/create.js';
import type { TxContext } from '../context.js';
import { appendTimeline } from '../shared/timeline.js';
import { ACK_TIMEOUT } from './kinds.js';
import { scheduleStep } from './start.js';

/**
 * The escalation follows the incident's lifecycle, in the transaction of the transition (SPEC §4.4):
 * acknowledge stops further escalation (until the policy's acknowledgement timeout, if it has one), resolve (close, decline, merge) stops everything — pending
 * steps and notifications not yet sent; escalate pages the next level (or the chosen one: reassign) at
 * once; reopen starts again at level 1. Each change bumps the escalation's generation, so a step job
 * scheduled before it finds itself stale even if it was already running.
 */
export async function followLifecycle(t: TxContext, incidentId: string, action: LifecycleAction, data: Record<string, unknown>): Promise<void> {
  const esc = await lockEscalation(t, incidentId);
  if (!esc) return;
  const generation = esc.generation + 1;
  const policy = JSON.parse(esc.policy) as PolicyShape;
  const set = async (status: string, level = esc.level, pass = esc.pass) => {
    await t.tx.updateTable('incidentEscalation').set({ status, generation, level, pass, updatedAt: t.now }).where('incidentId', '=', incidentId).execute();
  };
  const stopPending = async () => {
    await cancelJobs(t.tx, { keyPrefix: `incident:${incidentId}:`, now: t.now });
    await cancelNotifications(t.tx, { incidentId, purposes: ['page'] }, t.now);
  };
  switch (action) {
    case 'acknowledge':
      await stopPending();
      await set('acknowledged');
      if (policy.ackTimeoutMinutes) {
        const dueAt = new Date(Date.parse(t.now) + policy.ackTimeoutMinutes * 60_000).toISOString();
        await scheduleJob(t.tx, { kind: ACK_TIMEOUT, key: `incident:${incidentId}:ack-timeout:${generation}`, payload: { incidentId, generation }, dueAt, now: t.now });
      }
      return;
    case 'resolve':
    case 'close':
    case 'decline':
    case 'merge':
      await stopPending();
      return set('stopped');
    case 'reopen':
      await stopPending();
      await set('active', -1, 0);
      return scheduleStep(t, incidentId, generation, 0, 0, t.now);
    case 'escalate': {
      await stopPending();
      const chosen = typeof data.level === 'number' ? data.level - 1 : null;
      if (chosen !== null && chosen >= policy.levels.length) {
        await set('active');
        return void (await appendTimeline(t, incidentId, 'escalation.level_skipped', { level: chosen + 1, reason: `the policy has ${policy.levels.length} levels` }));
      }
      const to = chosen !== null ? { level: chosen, pass: esc.pass } : (nextStep(policy, Math.max(esc.level, 0), esc.pass) ?? { level: policy.levels.length - 1, pass: esc.pass });
      await set('active');
      return scheduleStep(t, incidentId, generation, to.pass, to.level, t.now);
    }
  }
}

/** The incident's escalation row, locked on PostgreSQL (SQLite transactions are serialised already). */
export async function lockEscalation(t: TxContext, incidentId: string) {
  let q = t.tx.selectFrom('incidentEscalation').selectAll().where('incidentId', '=', incidentId);
  if (t.store.dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}
