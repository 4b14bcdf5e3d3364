import { incidentVisibility, readIsAudited, type Viewer } from '../../domain/access/visibility.js';
import type { Visibility } from '../../domain/incident/types.js';
import { notFound } from '../../domain/errors.js';
import { findIncidentRow, type IncidentRow, isParticipant } from '../../store/queries/incident.js';
import type { Actor, Executor, ServiceContext } from '../context.js';
import { inTransaction } from '../context.js';
import { recordAudit } from '../shared/audit.js';

export function viewerOf(actor: Actor): Viewer {
  return { userId: actor.userId, role: actor.role, inSecurityTeam: actor.inSecurityTeam, isSystem: actor.type === 'system' };
}

/** Whether the viewer sees every restricted incident (no per-incident participation check needed). */
export function seesAllRestricted(actor: Actor): boolean {
  return actor.type === 'system' || actor.role === 'owner' || actor.inSecurityTeam;
}

/**
 * Load an incident the actor may see, or answer NOT_FOUND exactly as if it did not exist (a
 * restricted incident never leaks its existence). Used by every read and write on one incident.
 */
export async function loadVisibleIncident(ex: Executor, actor: Actor, id: string): Promise<{ row: IncidentRow; ownerOnly: boolean }> {
  const row = await findIncidentRow(ex, id);
  if (!row) throw notFound('incident', id);
  const verdict = incidentVisibility(viewerOf(actor), row.visibility as Visibility, await isParticipant(ex, id, actor.userId));
  if (!verdict.visible) throw notFound('incident', id);
  return { row, ownerOnly: readIsAudited(verdict) };
}

/** A direct read: like loadVisibleIncident, and an owner-only read of a restricted incident is audited. */
export async function readVisibleIncident(ctx: ServiceContext, id: string, what: string): Promise<IncidentRow> {
  const { row, ownerOnly } = await loadVisibleIncident(ctx.store.db, ctx.actor, id);
  if (ownerOnly) {
    await inTransaction(ctx, (t) =>
      recordAudit(t, { action: 'incident.restricted_read', targetType: 'incident', targetId: id, after: { what } }),
    );
  }
  return row;
}
