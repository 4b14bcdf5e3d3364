import { sha256Hex } from '../../platform/ids.js';
import type { Role, Scope } from '../../domain/access/permissions.js';
import type { Actor, Executor } from '../context.js';

async function inSecurityTeam(ex: Executor, userId: string): Promise<boolean> {
  const row = await ex
    .selectFrom('teamMember')
    .innerJoin('team', 'team.id', 'teamMember.teamId')
    .select('team.id')
    .where('teamMember.userId', '=', userId)
    .where('team.isSecurity', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Resolve `Authorization: Bearer <token>` to an actor, or null. Tokens are stored as SHA-256
 * (high-entropy secrets, ASVS 6.5.2); revoked, expired or disabled-user tokens do not authenticate.
 */
export async function authenticateToken(ex: Executor, token: string, now: Date): Promise<Actor | null> {
  const row = await ex
    .selectFrom('apiToken')
    .innerJoin('appUser', 'appUser.id', 'apiToken.userId')
    .select(['apiToken.id', 'apiToken.name', 'apiToken.scopes', 'apiToken.expiresAt', 'apiToken.revokedAt', 'apiToken.lastUsedAt', 'appUser.id as userId', 'appUser.role', 'appUser.disabledAt', 'appUser.name as userName'])
    .where('apiToken.tokenHash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.revokedAt || row.disabledAt) return null;
  if (row.expiresAt && row.expiresAt <= now.toISOString()) return null;
  // Record use at most once a minute: cheap enough for every request, useful for spotting stale tokens.
  const nowIso = now.toISOString();
  if (!row.lastUsedAt || Date.parse(row.lastUsedAt) < now.getTime() - 60_000) {
    await ex.updateTable('apiToken').set({ lastUsedAt: nowIso }).where('id', '=', row.id).execute();
  }
  return {
    type: 'token',
    id: row.id,
    name: `${row.userName} (${row.name})`,
    userId: row.userId,
    role: row.role as Role,
    scopes: JSON.parse(row.scopes) as Scope[],
    inSecurityTeam: await inSecurityTeam(ex, row.userId),
  };
}

/** Build the actor for a logged-in person (session cookie). */
export async function actorForUser(ex: Executor, userId: string): Promise<Actor | null> {
  const u = await ex.selectFrom('appUser').select(['id', 'name', 'role', 'disabledAt']).where('id', '=', userId).executeTakeFirst();
  if (!u || u.disabledAt) return null;
  return { type: 'user', id: u.id, name: u.name, userId: u.id, role: u.role as Role, scopes: null, inSecurityTeam: await inSecurityTeam(ex, u.id) };
}
