import { findIncidentRow } from '../../store/queries/incident.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { recordOutbox } from '../shared/outbox.js';
import { appendTimeline } from '../shared/timeline.js';
import { requireRole, roleHolder } from './assign-role.js';
import { loadIncidentForCollaboration, touchIncident } from './collaboration.js';
import { type IncidentView, viewIncident } from './view.js';

/**
 * Take a role away (`role.unassigned`). Unassigning a role nobody holds is a no-op. A role held here
 * but since removed from the configured list can still be unassigned. The former holder stays a
 * participant.
 */
export async function unassignRole(ctx: ServiceContext, incidentId: string, roleKey: string): Promise<IncidentView> {
  authorize(ctx.actor, 'incident.update');
  return inTransaction(ctx, async (t) => {
    const { tx } = t;
    const row = await loadIncidentForCollaboration(t, incidentId);
    const holder = await roleHolder(t, incidentId, roleKey);
    if (!holder) {
      await requireRole(t, roleKey);
      return viewIncident(tx, row);
    }
    await tx.deleteFrom('incidentRole').where('incidentId', '=', incidentId).where('role', '=', roleKey).execute();
    await touchIncident(t, incidentId);
    const data = { role: roleKey, userId: holder.userId, userName: holder.name };
    await appendTimeline(t, incidentId, 'role.unassigned', data);
    await recordAudit(t, { action: 'role.unassigned', targetType: 'incident', targetId: incidentId, before: { role: roleKey, userId: holder.userId }, after: { role: roleKey, userId: null } });
    await recordOutbox(t, 'role.unassigned', incidentId, { incidentId, ...data });
    return viewIncident(tx, (await findIncidentRow(tx, incidentId))!);
  });
}
