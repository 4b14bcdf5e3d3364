import type { Actor, Executor } from '../context.js';

export interface KeyedIntegration {
  id: string;
  serviceId: string;
  type: string;
  name: string;
  /** JSON settings (rate limit …); absent where not needed. */
  config?: string;
}

/** The integration whose secret key this is, or null. Keys are unique across all types. */
export async function findIntegrationByKey(ex: Executor, key: string): Promise<KeyedIntegration | null> {
  if (!/^[a-z0-9]{32}$/.test(key)) return null;
  const row = await ex.selectFrom('integration').select(['id', 'serviceId', 'type', 'name']).where('key', '=', key).executeTakeFirst();
  return row ?? null;
}

/**
 * Ingested events act as their integration (SPEC §3 actor type `integration`). The key is the
 * credential and was checked by the endpoint; what an integration may do is fixed by its type.
 */
export function integrationActor(i: KeyedIntegration): Actor {
  return { type: 'integration', id: i.id, name: i.name, userId: null, role: 'responder', scopes: null, inSecurityTeam: false };
}
