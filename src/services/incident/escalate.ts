import { EscalateBody } from '../../contracts/incident.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { parseInput } from '../shared/parse.js';
import { transitionIncident } from './transition.js';
import { type IncidentView, viewIncident } from './view.js';

/**
 * Manual escalation: the incident returns to `triggered` and an `incident.escalated` outbox event
 * asks the escalation runner ([oncall]) to page the next (or the chosen) level.
 */
export async function escalateIncident(ctx: ServiceContext, id: string, input?: unknown): Promise<IncidentView> {
  const body = parseInput(EscalateBody, input);
  return inTransaction(ctx, async (t) => {
    const { row } = await transitionIncident(t, id, 'escalate', body?.level ? { level: body.level } : { level: 'next' });
    return viewIncident(t.tx, row);
  });
}
