import { validation } from '../../domain/errors.js';
import type { Executor } from '../context.js';

/** Referenced ids must exist: a 400 naming the field, not a foreign-key 500. */
export async function requireServices(ex: Executor, field: string, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = await ex.selectFrom('service').select('id').where('id', 'in', unique).execute();
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw validation(field, `no service with id ${missing.join(', ')}`);
}

export async function requireUser(ex: Executor, field: string, id: string): Promise<{ id: string; name: string }> {
  const u = await ex.selectFrom('appUser').select(['id', 'name', 'disabledAt']).where('id', '=', id).executeTakeFirst();
  if (!u) throw validation(field, `no user with id ${id}`);
  if (u.disabledAt) throw validation(field, `user ${id} is disabled`);
  return { id: u.id, name: u.name };
}

export async function requireTeam(ex: Executor, field: string, id: string): Promise<void> {
  const t = await ex.selectFrom('team').select('id').where('id', '=', id).executeTakeFirst();
  if (!t) throw validation(field, `no team with id ${id}`);
}

export async function requireEscalationPolicy(ex: Executor, field: string, id: string): Promise<void> {
  const p = await ex.selectFrom('escalationPolicy').select('id').where('id', '=', id).executeTakeFirst();
  if (!p) throw validation(field, `no escalation policy with id ${id}; create one with POST /api/v1/escalation-policies`);
}
