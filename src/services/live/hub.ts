import type pg from 'pg';
import { incidentVisibility } from '../../domain/access/visibility.js';
import type { Visibility } from '../../domain/incident/types.js';
import type { Store } from '../../store/db.js';
import type { Actor, OutboxListener } from '../context.js';
import { viewerOf } from '../incident/access.js';
import { type IncidentView, viewIncident } from '../incident/view.js';

export interface LiveEvent {
  id: number;
  topic: string;
  at: string;
  incidentId: string | null;
  data: Record<string, unknown>;
  incident: IncidentView | null;
}

type Subscriber = { actor: Actor; send: (e: LiveEvent) => void };

/**
 * Fans outbox rows out to live-stream subscribers, filtered by incident visibility.
 *
 * - SQLite (one process): after a commit that wrote outbox rows, read rows past the cursor. SQLite
 *   serialises writers, so ids commit in order and a cursor misses nothing.
 * - PostgreSQL (many instances): each instance LISTENs; the NOTIFY is queued in the writing
 *   transaction and delivered at commit with the row id, so every instance hears every event once,
 *   whichever instance wrote it. (A sequence cursor would skip ids that commit out of order.)
 */
export class LiveHub implements OutboxListener {
  private subscribers = new Set<Subscriber>();
  private cursor = 0;
  private draining: Promise<void> | null = null;
  private again = false;
  private listener: pg.PoolClient | null = null;
  private pending: number[] = [];
  private stopped = false;

  constructor(private readonly store: Store) {}

  async start(): Promise<void> {
    // Events start from now: the highest outbox id so far (also the catch-up point after a reconnect).
    const row = await this.store.db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
    this.cursor = Number(row?.max ?? 0);
    if (this.store.dialect === 'postgres' && this.store.pgPool) await this.listen(0, true);
  }

  /**
   * LISTEN on a dedicated connection. When that connection dies (database restart, failover, an
   * administrator's kill), listen again with backoff, then catch up on outbox rows written meanwhile
   * (ids past the highest one seen), so subscribers of this instance do not silently go deaf.
   */
  private async listen(attempt: number, initial = false): Promise<void> {
    const pool = this.store.pgPool!;
    let client: pg.PoolClient | null = null;
    try {
      client = await pool.connect();
      const c = client;
      let lost = false;
      const onLost = () => {
        if (lost || this.stopped) return; // stop() released it already
        lost = true;
        if (this.listener === c) this.listener = null;
        c.release(true);
        this.retry(0);
      };
      c.on('error', onLost);
      c.on('end', onLost);
      c.on('notification', (msg) => {
        if (msg.channel !== this.store.channel || !msg.payload) return;
        for (const id of msg.payload.split(',')) this.pending.push(Number(id));
        this.schedule();
      });
      await c.query(`LISTEN ${this.store.channel}`);
      if (this.stopped || lost) {
        if (!lost) c.release();
        return;
      }
      this.listener = c;
      if (!initial) {
        const missed = await this.store.db.selectFrom('outbox').select('id').where('id', '>', this.cursor).execute();
        this.pending.push(...missed.map((r) => Number(r.id)));
        this.schedule();
      }
    } catch (err) {
      client?.release(true);
      if (initial) throw err; // first start: fail loudly
      this.retry(attempt + 1);
    }
  }

  private retry(attempt: number): void {
    if (this.stopped) return;
    const delay = Math.min(30_000, 500 * 2 ** attempt);
    setTimeout(() => {
      if (!this.stopped && !this.listener) void this.listen(attempt);
    }, delay).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.subscribers.clear();
    if (this.listener) {
      const l = this.listener;
      this.listener = null;
      try {
        await l.query(`UNLISTEN ${this.store.channel}`);
      } catch {
        /* closing anyway */
      }
      l.release();
    }
    await this.draining;
  }

  get size(): number {
    return this.subscribers.size;
  }

  subscribe(actor: Actor, send: (e: LiveEvent) => void): () => void {
    const s = { actor, send };
    this.subscribers.add(s);
    return () => this.subscribers.delete(s);
  }

  /** OutboxListener: a local transaction that wrote outbox rows committed. */
  committed(): void {
    if (this.store.dialect === 'sqlite') this.schedule();
  }

  /** Resolves once everything signalled so far has been dispatched (tests). */
  async settle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        try {
          await this.drainOnce();
        } catch {
          /* a failed read is retried on the next signal */
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.draining = null;
    });
  }

  private async drainOnce(): Promise<void> {
    // Nobody listening (the usual case under an alert storm): only move the cursor past what exists.
    if (this.subscribers.size === 0) return this.skipAhead();
    let q = this.store.db.selectFrom('outbox').selectAll();
    if (this.store.dialect === 'postgres') {
      const ids = this.pending.splice(0);
      if (!ids.length) return;
      q = q.where('id', 'in', ids);
    } else {
      q = q.where('id', '>', this.cursor).limit(1000);
    }
    const rows = await q.orderBy('id').execute();
    for (const row of rows) {
      this.cursor = Math.max(this.cursor, Number(row.id));
      if (this.subscribers.size) await this.dispatch({ id: Number(row.id), topic: row.topic, at: row.at, incidentId: row.incidentId, data: JSON.parse(row.data) });
    }
    if (this.store.dialect === 'sqlite' && rows.length === 1000) this.again = true;
  }

  private async skipAhead(): Promise<void> {
    if (this.store.dialect === 'postgres') {
      for (const id of this.pending.splice(0)) this.cursor = Math.max(this.cursor, id);
      return;
    }
    const row = await this.store.db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
    this.cursor = Math.max(this.cursor, Number(row?.max ?? 0));
  }

  private async dispatch(e: Omit<LiveEvent, 'incident'>): Promise<void> {
    let incident: IncidentView | null = null;
    let visibility: Visibility = 'public';
    let participants = new Set<string>();
    if (e.incidentId) {
      const row = await this.store.db.selectFrom('incident').selectAll().where('id', '=', e.incidentId).executeTakeFirst();
      if (!row) return;
      visibility = row.visibility as Visibility;
      if (visibility === 'restricted') {
        const ps = await this.store.db.selectFrom('incidentParticipant').select('userId').where('incidentId', '=', e.incidentId).execute();
        participants = new Set(ps.map((p) => p.userId));
      }
      incident = await viewIncident(this.store.db, row);
    }
    const event: LiveEvent = { ...e, incident };
    for (const s of this.subscribers) {
      const verdict = incidentVisibility(viewerOf(s.actor), visibility, !!s.actor.userId && participants.has(s.actor.userId));
      if (verdict.visible) s.send(event);
    }
  }
}
