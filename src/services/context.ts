import type { Kysely, Transaction } from 'kysely';
import type { Role, Scope } from '../domain/access/permissions.js';
import type { Clock } from '../platform/clock.js';
import type { Store } from '../store/db.js';
import type { Database } from '../store/schema.js';

/** Who is acting. Tokens act for their user: the user's role bounds what the token's scopes allow. */
export interface Actor {
  type: 'user' | 'token' | 'system' | 'integration';
  /** user id, token id or integration id; null for the system. */
  id: string | null;
  name: string;
  /** The person behind a `user` or `token` actor. */
  userId: string | null;
  role: Role;
  /** Token scopes; null when the actor is not a token. */
  scopes: Scope[] | null;
  inSecurityTeam: boolean;
}

export const SYSTEM_ACTOR: Actor = {
  type: 'system',
  id: null,
  name: 'Hikeshi',
  userId: null,
  role: 'owner',
  scopes: null,
  inSecurityTeam: false,
};

export type Executor = Kysely<Database> | Transaction<Database>;

/** Told after a transaction that wrote outbox rows commits (the live stream wakes up). */
export interface OutboxListener {
  committed(): void;
}

export interface ServiceContext {
  store: Store;
  clock: Clock;
  actor: Actor;
  requestId: string | null;
  /** The secret for signed values (CSRF tokens, links). */
  secret: string;
  /** Base URL for links shown to people (HIKESHI_PUBLIC_URL). */
  publicUrl: string;
  outbox: OutboxListener;
}

/** A context bound to an open transaction. */
export interface TxContext extends ServiceContext {
  tx: Transaction<Database>;
  /** Instant of this transaction: every row it writes carries the same time. */
  now: string;
  wroteOutbox: boolean;
}

/**
 * Run `fn` in one database transaction: the change, its timeline entries, its audit rows and its
 * outbox rows commit together or not at all.
 */
export async function inTransaction<T>(ctx: ServiceContext, fn: (t: TxContext) => Promise<T>): Promise<T> {
  const state = { wrote: false };
  const result = await ctx.store.db.transaction().execute(async (tx) => {
    const t: TxContext = { ...ctx, tx, now: ctx.clock.now().toISOString(), wroteOutbox: false };
    const r = await fn(t);
    state.wrote = t.wroteOutbox;
    return r;
  });
  if (state.wrote) ctx.outbox.committed();
  return result;
}
