/**
 * Who may do what (SPEC §4.9). Checked inside every use case, not only in routes, so the CLI, jobs
 * and tests get the same rules.
 */
export const ROLES = ['owner', 'admin', 'responder', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** API-token scopes. A token can do what its user's role allows *and* its scopes allow. */
export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export type Permission =
  | 'incident.read'
  | 'incident.declare'
  | 'incident.update'
  | 'intake.report'
  | 'intake.read'
  | 'service.read'
  | 'service.manage'
  | 'rule.manage'
  | 'maintenance.manage'
  | 'user.read'
  | 'user.manage'
  | 'team.manage'
  | 'settings.manage'
  | 'audit.read'
  | 'oncall.read'
  | 'schedule.manage'
  | 'override.manage'
  | 'escalation.manage'
  | 'status_page.manage';

const RANK: Record<Role, number> = { observer: 0, responder: 1, admin: 2, owner: 3 };

/** The lowest role that holds each permission. */
const MIN_ROLE: Record<Permission, Role> = {
  'incident.read': 'observer',
  'service.read': 'observer',
  'user.read': 'observer',
  'incident.declare': 'responder',
  'incident.update': 'responder',
  // Every employee may report a problem through /help (it becomes an inquiry); reading the reports
  // across incidents is triage work.
  'intake.report': 'observer',
  'intake.read': 'responder',
  'service.manage': 'admin',
  'rule.manage': 'admin',
  'maintenance.manage': 'responder',
  'user.manage': 'admin',
  'team.manage': 'admin',
  'settings.manage': 'admin',
  'audit.read': 'admin',
  'oncall.read': 'observer',
  'schedule.manage': 'admin',
  'override.manage': 'responder',
  'escalation.manage': 'admin',
  'status_page.manage': 'admin',
};

/** The scope a token needs for each permission. */
const SCOPE_FOR: Record<Permission, Scope> = {
  'incident.read': 'read',
  'service.read': 'read',
  'user.read': 'read',
  'incident.declare': 'write',
  'incident.update': 'write',
  'intake.report': 'write',
  'intake.read': 'read',
  'service.manage': 'admin',
  'rule.manage': 'admin',
  'maintenance.manage': 'write',
  'user.manage': 'admin',
  'team.manage': 'admin',
  'settings.manage': 'admin',
  'audit.read': 'admin',
  'oncall.read': 'read',
  'schedule.manage': 'admin',
  'override.manage': 'write',
  'escalation.manage': 'admin',
  'status_page.manage': 'admin',
};

export function roleAtLeast(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return roleAtLeast(role, MIN_ROLE[permission]);
}

export function scopeFor(permission: Permission): Scope {
  return SCOPE_FOR[permission];
}

/** Scopes a role can meaningfully hold (the default for a new token). */
export function scopesForRole(role: Role): Scope[] {
  if (role === 'observer') return ['read'];
  if (role === 'responder') return ['read', 'write'];
  return ['read', 'write', 'admin'];
}

/** Only an owner may grant or take away the owner role, or act on an owner's account. */
export function canManageRole(actorRole: Role, targetRole: Role): boolean {
  if (targetRole === 'owner') return actorRole === 'owner';
  return roleAtLeast(actorRole, 'admin');
}
