import { type Kysely, sql, type Transaction } from 'kysely';
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
  /** PostgreSQL: outbox row ids written so far, announced with one NOTIFY before the commit. */
  outboxIds: number[];
}

/**
 * Run `fn` in one database transaction: the change, its timeline entries, its audit rows and its
 * outbox rows commit together or not at all.
 */
/**
 * PostgreSQL: one NOTIFY for every outbox row of the transaction, queued last, delivered at commit
 * (ids comma-separated, in payloads under PostgreSQL's 8,000-byte limit).
 */
async function announceOutbox(t: TxContext): Promise<void> {
  if (t.store.dialect !== 'postgres' || t.outboxIds.length === 0) return;
  const ids = t.outboxIds.splice(0);
  for (let i = 0; i < ids.length; i += 500) {
    await sql`select pg_notify(${t.store.channel}, ${ids.slice(i, i + 500).join(',')})`.execute(t.tx);
  }
}

export async function inTransaction<T>(ctx: ServiceContext, fn: (t: TxContext) => Promise<T>): Promise<T> {
  const state = { wrote: false };
  const result = await ctx.store.db.transaction().execute(async (tx) => {
    const t: TxContext = { ...ctx, tx, now: ctx.clock.now().toISOString(), wroteOutbox: false, outboxIds: [] };
    const r = await fn(t);
    await announceOutbox(t);
    state.wrote = t.wroteOutbox;
    return r;
  });
  if (state.wrote) ctx.outbox.committed();
  return result;
}
