import type { FieldProblem } from '../errors.js';

/**
 * Incident roles (SPEC §4.2): a configurable list, kept in the setting `incident_roles` as
 * `[{ key, name: { en, ja } }]`. Keys are what the API and the timeline use; names are for people.
 */
export interface IncidentRoleDef {
  key: string;
  name: { en: string; ja: string };
}

export const ROLE_KEY = /^[a-z][a-z0-9_]{1,39}$/;
export const MAX_ROLES = 20;

/** Built in: declaring with `commanderId` assigns it and the paging of later issues asks for it. */
export const COMMANDER = 'commander';

export const DEFAULT_INCIDENT_ROLES: IncidentRoleDef[] = [
  { key: 'commander', name: { en: 'Incident Commander', ja: 'インシデントコマンダー' } },
  { key: 'tech_lead', name: { en: 'Tech Lead', ja: 'テックリード' } },
  { key: 'communications_lead', name: { en: 'Communications Lead', ja: 'コミュニケーションリード' } },
  { key: 'scribe', name: { en: 'Scribe', ja: '記録係' } },
];

/** Meaning checks on a role list beyond its shape: unique keys, the commander kept. */
export function roleListProblems(roles: readonly IncidentRoleDef[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  roles.forEach((r, i) => {
    if (seen.has(r.key)) problems.push({ field: `roles.${i}.key`, message: `duplicate role key "${r.key}"; keys must be unique` });
    seen.add(r.key);
  });
  if (!seen.has(COMMANDER)) {
    problems.push({ field: 'roles', message: `the "${COMMANDER}" role cannot be removed: declaring an incident with commanderId assigns it` });
  }
  return problems;
}

/** Keys present before and missing after: the roles a change would remove. */
export function removedRoleKeys(before: readonly IncidentRoleDef[], after: readonly IncidentRoleDef[]): string[] {
  const kept = new Set(after.map((r) => r.key));
  return before.map((r) => r.key).filter((k) => !kept.has(k));
}

export type RoleChange = { kind: 'assign' } | { kind: 'hand_over'; fromUserId: string } | { kind: 'noop' };

/** Giving a role to `userId` when `holderId` holds it: a first assignment, a hand-over, or nothing. */
export function decideRoleChange(holderId: string | null, userId: string): RoleChange {
  if (holderId === null) return { kind: 'assign' };
  if (holderId === userId) return { kind: 'noop' };
  return { kind: 'hand_over', fromUserId: holderId };
}
