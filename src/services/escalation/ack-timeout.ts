import type { TxContext } from '../context.js';
import { applyTransition } from '../incident/transition.js';
import { lockEscalation } from './follow.js';

/**
 * An acknowledgement that timed out (edge case 21): acknowledged, not resolved, and nothing changed
 * since (same generation). The incident is triggered again and the level that was paged last is
 * paged again at once, on every channel of its people's rules; the escalation then goes on as before.
 */
export async function ackTimedOut(t: TxContext, p: { incidentId: string; generation: number }): Promise<void> {
  const esc = await lockEscalation(t, p.incidentId);
  if (esc?.status !== 'acknowledged' || esc.generation !== p.generation) return;
  const incident = await t.tx.selectFrom('incident').select('status').where('id', '=', p.incidentId).executeTakeFirst();
  if (incident?.status !== 'acknowledged') return;
  await applyTransition(t, p.incidentId, 'escalate', { level: Math.max(esc.level, 0) + 1, reason: 'the acknowledgement timed out' });
}
