import { AssignRoleBody } from '../../contracts/collaboration.js';
import { conflict, validation } from '../../domain/errors.js';
import { decideRoleChange, type IncidentRoleDef } from '../../domain/incident/roles.js';
import { addParticipant, findIncidentRow } from '../../store/queries/incident.js';
import { inTransaction, type ServiceContext, type TxContext } from '../context.js';
import { getIncidentRoles } from '../settings/incident-roles.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { requireUser } from '../shared/exists.js';
import { recordOutbox } from '../shared/outbox.js';
import { parseInput } from '../shared/parse.js';
import { appendTimeline } from '../shared/timeline.js';
import { loadIncidentForCollaboration, touchIncident } from './collaboration.js';
import { type IncidentView, viewIncident } from './view.js';

/** The configured role with this key, or a 400 naming `role` and listing the valid keys. */
export async function requireRole(t: TxContext, key: string): Promise<IncidentRoleDef> {
  const roles = await getIncidentRoles(t.tx);
  const role = roles.find((r) => r.key === key);
  if (!role) throw validation('role', `unknown role "${key}"; valid roles: ${roles.map((r) => r.key).join(', ')}`);
  return role;
}

export async function roleHolder(t: TxContext, incidentId: string, role: string): Promise<{ userId: string; name: string } | undefined> {
  return t.tx
    .selectFrom('incidentRole')
    .innerJoin('appUser', 'appUser.id', 'incidentRole.userId')
    .select(['incidentRole.userId', 'appUser.name'])
    .where('incidentRole.incidentId', '=', incidentId)
    .where('incidentRole.role', '=', role)
    .executeTakeFirst();
}

/**
 * Give a role to a person: a first assignment (`role.assigned`) or a hand-over from whoever held it
 * (`role.handed_over`); giving it to its current holder changes nothing and writes nothing. The
 * holder becomes a participant; a previous holder stays one (they saw the incident and may be asked).
 */
export async function assignRole(ctx: ServiceContext, incidentId: string, roleKey: string, input: unknown): Promise<IncidentView> {
  authorize(ctx.actor, 'incident.update');
  const body = parseInput(AssignRoleBody, input);
  return inTransaction(ctx, async (t) => {
    const { tx } = t;
    const row = await loadIncidentForCollaboration(t, incidentId);
    const role = await requireRole(t, roleKey);
    const user = await requireUser(tx, 'userId', body.userId);
    const holder = await roleHolder(t, incidentId, role.key);
    const change = decideRoleChange(holder?.userId ?? null, user.id);
    if (change.kind === 'noop') return viewIncident(tx, row);

    if (change.kind === 'assign') {
      // Two racing first assignments: the loser inserts nothing and is told to look again.
      const res = await tx
        .insertInto('incidentRole')
        .values({ incidentId, role: role.key, userId: user.id, assignedAt: t.now })
        .onConflict((oc) => oc.columns(['incidentId', 'role']).doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) throw conflict(`someone else just assigned ${role.key}; reload and try again`);
    } else {
      const res = await tx
        .updateTable('incidentRole')
        .set({ userId: user.id, assignedAt: t.now })
        .where('incidentId', '=', incidentId)
        .where('role', '=', role.key)
        .where('userId', '=', change.fromUserId)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw conflict(`someone else just changed ${role.key}; reload and try again`);
    }
    await addParticipant(tx, incidentId, user.id, 'role', t.now);
    await touchIncident(t, incidentId);

    const action = change.kind === 'assign' ? 'role.assigned' : 'role.handed_over';
    const data =
      change.kind === 'assign'
        ? { role: role.key, userId: user.id, userName: user.name }
        : { role: role.key, fromUserId: change.fromUserId, fromUserName: holder!.name, toUserId: user.id, toUserName: user.name };
    await appendTimeline(t, incidentId, action, data);
    await recordAudit(t, {
      action,
      targetType: 'incident',
      targetId: incidentId,
      before: { role: role.key, userId: holder?.userId ?? null },
      after: { role: role.key, userId: user.id },
    });
    await recordOutbox(t, action, incidentId, { incidentId, ...data });
    return viewIncident(tx, (await findIncidentRow(tx, incidentId))!);
  });
}
