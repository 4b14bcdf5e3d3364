import { nextStep, type PolicyShape } from '../../domain/escalation/policy.js';
import type { TxContext } from '../context.js';
import { appendTimeline } from '../shared/timeline.js';
import { lockEscalation } from './follow.js';
import { notifyUsers } from './notify-users.js';
import { scheduleStep } from './start.js';
import { resolveTargets } from './targets.js';

const MINUTE = 60_000;

export interface StepPayload {
  incidentId: string;
  generation: number;
  level: number;
  pass: number;
}

/**
 * One escalation step, in the transaction that settles its job: page the level's people and schedule
 * the next level after this level's delay. A level with nobody to page is skipped at once and
 * recorded; when no level of a whole pass has anyone, the escalation is exhausted. A step of an
 * older generation (acknowledged, escalated, reopened since), or for an incident no longer
 * triggered, does nothing.
 */
export async function pageStep(t: TxContext, p: StepPayload): Promise<void> {
  const esc = await lockEscalation(t, p.incidentId);
  if (esc?.status !== 'active' || esc.generation !== p.generation) return;
  const incident = await t.tx.selectFrom('incident').select(['status', 'urgency']).where('id', '=', p.incidentId).executeTakeFirst();
  if (incident?.status !== 'triggered') return;
  const policy = JSON.parse(esc.policy) as PolicyShape;
  let step: { level: number; pass: number } | null = { level: p.level, pass: p.pass };
  for (let skipped = 0; step && skipped < policy.levels.length; skipped++) {
    const level = policy.levels[step.level];
    if (!level) break;
    const users = await resolveTargets(t.tx, level.targets, t.now);
    if (users.length === 0) {
      await appendTimeline(t, p.incidentId, 'escalation.level_skipped', { level: step.level + 1, pass: step.pass + 1, reason: 'nobody to page: no one is on call on its schedules' });
      step = nextStep(policy, step.level, step.pass);
      continue;
    }
    await notifyUsers(t, p.incidentId, incident.urgency, users, { generation: p.generation, ...step });
    await appendTimeline(t, p.incidentId, 'escalation.level_paged', {
      level: step.level + 1,
      pass: step.pass + 1,
      users: users.map((u) => ({ id: u.id, name: u.name, via: u.via })),
      nextLevelInMinutes: nextStep(policy, step.level, step.pass) ? level.delayMinutes : null,
    });
    await t.tx.updateTable('incidentEscalation').set({ level: step.level, pass: step.pass, updatedAt: t.now }).where('incidentId', '=', p.incidentId).execute();
    const next = nextStep(policy, step.level, step.pass);
    if (next) await scheduleStep(t, p.incidentId, p.generation, next.pass, next.level, new Date(Date.parse(t.now) + level.delayMinutes * MINUTE).toISOString());
    return;
  }
  await t.tx.updateTable('incidentEscalation').set({ status: 'exhausted', updatedAt: t.now }).where('incidentId', '=', p.incidentId).execute();
  await appendTimeline(t, p.incidentId, 'escalation.exhausted', { reason: 'no level had anyone to page' });
}
