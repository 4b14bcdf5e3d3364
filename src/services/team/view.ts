import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Team, TeamDetail } from '../../contracts/team.js';
import { forbidden, notFound } from '../../domain/errors.js';
import type { TeamTable } from '../../store/schema.js';
import type { Actor, Executor } from '../context.js';

export type TeamView = z.infer<typeof Team>;
export type TeamDetailView = z.infer<typeof TeamDetail>;

export function viewTeam(r: Selectable<TeamTable>, memberCount: number): TeamView {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    security: r.isSecurity === 1,
    memberCount,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function loadTeam(ex: Executor, id: string): Promise<Selectable<TeamTable>> {
  const row = await ex.selectFrom('team').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('team', id);
  return row;
}

/** The team with its members (by name). */
export async function loadTeamDetail(ex: Executor, id: string): Promise<TeamDetailView> {
  const team = await loadTeam(ex, id);
  const members = await ex
    .selectFrom('teamMember')
    .innerJoin('appUser', 'appUser.id', 'teamMember.userId')
    .select(['appUser.id as userId', 'appUser.name', 'appUser.email', 'appUser.role', 'teamMember.addedAt'])
    .where('teamMember.teamId', '=', id)
    .orderBy('appUser.name')
    .orderBy('appUser.id')
    .execute();
  return {
    ...viewTeam(team, members.length),
    members: members.map((m) => ({ ...m, role: m.role as TeamDetailView['members'][number]['role'] })),
  };
}

/**
 * Membership of a security team grants every restricted incident (SPEC §4.2), which only owners
 * see otherwise; so only an owner may create one, grant membership, or change the flag.
 */
export function requireOwnerForSecurity(actor: Actor, what: string): void {
  if (actor.type === 'system' || actor.role === 'owner') return;
  throw forbidden(`only an owner may ${what}: members of a security team see restricted incidents`);
}
