import { randomBytes } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../store/db.js';

/**
 * HIKESHI_SECRET, or one generated on first start and kept in the database so every instance shares
 * it (SPEC §3). Concurrent first starts agree: the first insert wins, everyone reads it back.
 */
export async function resolveSecret(store: Store, clock: Clock, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await store.db
    .insertInto('setting')
    .values({ key: 'secret', value: randomBytes(32).toString('hex'), updatedAt: clock.now().toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await store.db.selectFrom('setting').select('value').where('key', '=', 'secret').executeTakeFirstOrThrow();
  return row.value;
}
