import { z } from 'zod';
import { IncidentRolesSetting } from '../../contracts/settings.js';
import { conflict, DomainError } from '../../domain/errors.js';
import { DEFAULT_INCIDENT_ROLES, type IncidentRoleDef, removedRoleKeys, roleListProblems } from '../../domain/incident/roles.js';
import { formatIncidentNumber } from '../../domain/incident/types.js';
import { isParticipant } from '../../store/queries/incident.js';
import { type Actor, type Executor, inTransaction, type ServiceContext } from '../context.js';
import { seesAllRestricted } from '../incident/access.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';

const KEY = 'incident_roles';

const Stored = z.array(z.object({ key: z.string(), name: z.object({ en: z.string(), ja: z.string() }) }));

/** The configured incident roles, in display order (the SPEC §4.2 defaults until someone changes them). */
export async function getIncidentRoles(ex: Executor): Promise<IncidentRoleDef[]> {
  const row = await ex.selectFrom('setting').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_INCIDENT_ROLES;
  return Stored.parse(JSON.parse(row.value));
}

export async function listIncidentRoles(ctx: ServiceContext): Promise<{ roles: IncidentRoleDef[] }> {
  authorize(ctx.actor, 'incident.read');
  return { roles: await getIncidentRoles(ctx.store.db) };
}

/**
 * Open incidents on which one of `keys` is held. Restricted incidents the actor may not see are
 * not named (they still block the change).
 */
async function openHolders(ex: Executor, actor: Actor, keys: string[]): Promise<{ visible: string[]; hidden: boolean; roles: string[] }> {
  if (!keys.length) return { visible: [], hidden: false, roles: [] };
  const rows = await ex
    .selectFrom('incidentRole')
    .innerJoin('incident', 'incident.id', 'incidentRole.incidentId')
    .select(['incident.id', 'incident.number', 'incident.visibility', 'incidentRole.role'])
    .where('incidentRole.role', 'in', keys)
    .where('incident.status', 'in', ['triggered', 'acknowledged'])
    .orderBy('incident.number')
    .execute();
  const visible = new Set<string>();
  let hidden = false;
  for (const r of rows) {
    const sees = r.visibility === 'public' || seesAllRestricted(actor) || (await isParticipant(ex, r.id, actor.userId));
    if (sees) visible.add(formatIncidentNumber(Number(r.number)));
    else hidden = true;
  }
  return { visible: [...visible], hidden, roles: [...new Set(rows.map((r) => r.role))] };
}

/**
 * Replace the role list. Keys are unique, `commander` stays, and a role still held on an open
 * incident cannot be removed (409): unassign it there first. Renaming (same key) is always fine.
 */
export async function setIncidentRoles(ctx: ServiceContext, input: unknown): Promise<{ roles: IncidentRoleDef[] }> {
  authorize(ctx.actor, 'settings.manage');
  const body = parseInput(IncidentRolesSetting, input);
  const roles: IncidentRoleDef[] = body.roles.map((r) => ({ key: r.key, name: { en: r.name.en, ja: r.name.ja ?? r.name.en } }));
  const problems = roleListProblems(roles);
  if (problems.length) {
    throw new DomainError('VALIDATION', problems.map((p) => `${p.field}: ${p.message}`).join('; '), { fields: problems });
  }
  return inTransaction(ctx, async (t) => {
    const before = await getIncidentRoles(t.tx);
    const held = await openHolders(t.tx, t.actor, removedRoleKeys(before, roles));
    if (held.roles.length) {
      const where = [...held.visible, ...(held.hidden ? ['incidents you cannot see'] : [])].join(', ');
      throw conflict(`role(s) ${held.roles.join(', ')} are held on open incidents (${where}); unassign them there first`, {
        roles: held.roles,
        incidents: held.visible,
      });
    }
    const value = JSON.stringify(roles);
    await t.tx
      .insertInto('setting')
      .values({ key: KEY, value, updatedAt: t.now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: t.now }))
      .execute();
    await recordAudit(t, { action: 'settings.incident_roles_changed', targetType: 'setting', targetId: KEY, before, after: roles });
    return { roles };
  });
}
