import { scopesForRole } from '../../domain/access/permissions.js';
import { newId, randomString, sha256Hex } from '../../platform/ids.js';
import { hashPassword } from '../../platform/password.js';
import type { Clock } from '../../platform/clock.js';
import { sql } from 'kysely';
import { STARTUP_LOCK, type Store } from '../../store/db.js';

export const BOOTSTRAP_EMAIL = 'admin@localhost';

export type BootstrapResult =
  | { created: false }
  | { created: true; email: string; password: string | null; viaToken: boolean };

/**
 * First start: when the database has no owner yet, create one (`admin@localhost`). With
 * HIKESHI_BOOTSTRAP_TOKEN its API token is exactly that value (SPEC §3); a random password is
 * generated either way and returned once so start-up can print how to log in.
 */
export async function bootstrapOwner(store: Store, clock: Clock, bootstrapToken: string | undefined): Promise<BootstrapResult> {
  return store.db.transaction().execute(async (tx) => {
    // Instances starting together on an empty PostgreSQL database: one creates the owner, the others
    // wait here and then find it.
    if (store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${STARTUP_LOCK})`.execute(tx);
    const owner = await tx.selectFrom('appUser').select('id').where('role', '=', 'owner').executeTakeFirst();
    if (owner) return { created: false } as const;
    const now = clock.now().toISOString();
    const password = randomString(20);
    const existing = await tx.selectFrom('appUser').select('id').where('email', '=', BOOTSTRAP_EMAIL).executeTakeFirst();
    const userId = existing?.id ?? newId();
    if (existing) {
      await tx.updateTable('appUser').set({ role: 'owner', passwordHash: await hashPassword(password), disabledAt: null, updatedAt: now }).where('id', '=', userId).execute();
    } else {
      await tx
        .insertInto('appUser')
        .values({ id: userId, email: BOOTSTRAP_EMAIL, name: 'Administrator', role: 'owner', passwordHash: await hashPassword(password), timeZone: 'UTC', locale: 'en', disabledAt: null, createdAt: now, updatedAt: now })
        .execute();
    }
    if (bootstrapToken) {
      await tx
        .insertInto('apiToken')
        .values({ id: newId(), userId, name: 'bootstrap', tokenHash: sha256Hex(bootstrapToken), prefix: bootstrapToken.slice(0, 8), scopes: JSON.stringify(scopesForRole('owner')), createdAt: now, lastUsedAt: null, expiresAt: null, revokedAt: null })
        .onConflict((oc) => oc.column('tokenHash').doNothing())
        .execute();
    }
    return { created: true, email: BOOTSTRAP_EMAIL, password, viaToken: !!bootstrapToken } as const;
  });
}
