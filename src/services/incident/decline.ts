import { LifecycleBody } from '../../contracts/incident.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { parseInput } from '../shared/parse.js';
import { transitionIncident } from './transition.js';
import { type IncidentView, viewIncident } from './view.js';

/** Decline an incident (see domain/incident/lifecycle.ts for which states allow it). */
export async function declineIncident(ctx: ServiceContext, id: string, input?: unknown): Promise<IncidentView & { changed: boolean }> {
  const body = parseInput(LifecycleBody, input);
  return inTransaction(ctx, async (t) => {
    const { row, changed } = await transitionIncident(t, id, 'decline', body?.message ? { message: body.message } : {});
    return { ...(await viewIncident(t.tx, row)), changed };
  });
}
