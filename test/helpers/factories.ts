import { api } from './api.js';
import type { TestServer } from './server.js';

export type TestRole = 'owner' | 'admin' | 'responder' | 'observer';

let seq = 0;
const unique = () => `${++seq}-${Math.random().toString(36).slice(2, 8)}`;

function must(res: { status: number; body: unknown }, expected: number, what: string): void {
  if (res.status !== expected) throw new Error(`${what}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * A person created through the API by the owner (ts.token), with an API token of their own
 * (every scope their role allows unless `scopes` says otherwise).
 */
export async function createUser(
  ts: TestServer,
  opts: { role: TestRole; name?: string; email?: string; password?: string; scopes?: string[] },
): Promise<{ id: string; email: string; token: string }> {
  const owner = api(ts.server.app, ts.token);
  const id = unique();
  const email = opts.email ?? `${opts.role}-${id}@example.com`;
  const created = await owner.post('/api/v1/users', {
    name: opts.name ?? `${opts.role} ${id}`,
    email,
    role: opts.role,
    ...(opts.password ? { password: opts.password } : {}),
  });
  must(created, 201, 'createUser');
  const minted = await owner.post(`/api/v1/users/${created.body.id}/tokens`, { name: 'test', ...(opts.scopes ? { scopes: opts.scopes } : {}) });
  must(minted, 201, 'createUser token');
  return { id: created.body.id, email: created.body.email, token: minted.body.token };
}

/** A team created by the owner, with members added. */
export async function createTeam(ts: TestServer, opts: { name?: string; security?: boolean; memberIds?: string[] } = {}): Promise<{ id: string }> {
  const owner = api(ts.server.app, ts.token);
  const created = await owner.post('/api/v1/teams', { name: opts.name ?? `Team ${unique()}`, ...(opts.security !== undefined ? { security: opts.security } : {}) });
  must(created, 201, 'createTeam');
  for (const userId of opts.memberIds ?? []) {
    must(await owner.put(`/api/v1/teams/${created.body.id}/members/${userId}`), 200, 'createTeam member');
  }
  return { id: created.body.id };
}

/** A service created by the owner. */
export async function createService(ts: TestServer, opts: { name?: string } = {}): Promise<{ id: string }> {
  const created = await api(ts.server.app, ts.token).post('/api/v1/services', { name: opts.name ?? `Service ${unique()}` });
  must(created, 201, 'createService');
  return { id: created.body.id };
}
