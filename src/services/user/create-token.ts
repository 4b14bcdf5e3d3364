import type { z } from 'zod';
import { type CreatedApiToken, CreateTokenBody } from '../../contracts/user.js';
import { type Role, scopesForRole } from '../../domain/access/permissions.js';
import { conflict, forbidden, validation } from '../../domain/errors.js';
import { newApiToken, newId, sha256Hex } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { parseInput } from '../shared/parse.js';
import { authorizeSelfOrManage, requireCanManage } from './access.js';
import { loadUser } from './get.js';

export type CreatedTokenView = z.infer<typeof CreatedApiToken>;

/**
 * Issue an API token for a person. The value is returned once; only its SHA-256 is kept. Scopes are
 * bounded by the person's role, and a token minting a token cannot hand out scopes it lacks.
 */
export async function createToken(ctx: ServiceContext, userId: string, input: unknown): Promise<CreatedTokenView> {
  const self = authorizeSelfOrManage(ctx.actor, userId, 'write');
  const body = parseInput(CreateTokenBody, input);
  return inTransaction(ctx, async (t) => {
    const user = await loadUser(t.tx, userId);
    if (!self) requireCanManage(ctx.actor, user.role as Role, 'issue tokens for');
    if (user.disabledAt) throw conflict(`user ${userId} is disabled; enable the account before issuing tokens`);
    const allowed = scopesForRole(user.role as Role);
    const actorScopes = ctx.actor.scopes;
    const scopes = body.scopes ? [...new Set(body.scopes)] : allowed.filter((s) => !actorScopes || actorScopes.includes(s));
    const beyondRole = scopes.filter((s) => !allowed.includes(s));
    if (beyondRole.length) throw validation('scopes', `the ${user.role} role allows only ${allowed.join(', ')}; remove ${beyondRole.join(', ')}`);
    const beyondActor = actorScopes ? scopes.filter((s) => !actorScopes.includes(s)) : [];
    if (beyondActor.length) throw forbidden(`this API token cannot issue a token with scopes it lacks (${beyondActor.join(', ')})`);
    if (!scopes.length) throw validation('scopes', 'give at least one scope');
    if (body.expiresAt && Date.parse(body.expiresAt) <= Date.parse(t.now)) throw validation('expiresAt', 'must be in the future');
    const token = newApiToken();
    const row = {
      id: newId(),
      userId,
      name: body.name,
      tokenHash: sha256Hex(token),
      prefix: token.slice(0, 12),
      scopes: JSON.stringify(scopes),
      createdAt: t.now,
      lastUsedAt: null,
      expiresAt: body.expiresAt ? new Date(body.expiresAt).toISOString() : null,
      revokedAt: null,
    };
    await t.tx.insertInto('apiToken').values(row).execute();
    const shown = { id: row.id, name: row.name, prefix: row.prefix, scopes, createdAt: row.createdAt, expiresAt: row.expiresAt };
    await recordAudit(t, { action: 'token.created', targetType: 'api_token', targetId: row.id, after: { userId, ...shown } });
    return { ...shown, token };
  });
}
