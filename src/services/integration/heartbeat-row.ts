import type { Selectable } from 'kysely';
import type { HeartbeatTable } from '../../store/schema.js';
import type { Executor } from '../context.js';

export async function findHeartbeat(ex: Executor, integrationId: string): Promise<Selectable<HeartbeatTable> | null> {
  return (await ex.selectFrom('heartbeat').selectAll().where('integrationId', '=', integrationId).executeTakeFirst()) ?? null;
}
