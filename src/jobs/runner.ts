import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import type { Store } from '../store/db.js';
import { claimJobs } from './claim.js';
import { type RunDeps, runJob } from './run-job.js';
import type { JobEvent, JobHandler } from './types.js';

export interface JobRunnerOptions {
  store: Store;
  clock: Clock;
  /** One handler per kind; jobs of other kinds are left for runners that know them. */
  handlers: readonly JobHandler<unknown>[];
  /** Lease owner id, unique per runner (default `runner-<ulid>`); a name with host and pid helps operators. */
  owner?: string;
  /** Handlers running at once (default 10); a tick claims only as many jobs as there are free slots. */
  concurrency?: number;
  /** How long a claim holds a job before another runner may take it over (default 30 s). */
  leaseMs?: number;
  /** How often a running handler's lease is extended (default leaseMs / 3). */
  heartbeatMs?: number;
  /** Jitter source for retries (default Math.random). */
  random?: () => number;
  /** Metrics and logging hook. */
  onEvent?: (event: JobEvent) => void;
}

/**
 * The durable job runner: claims due jobs (leases in the database), runs their handlers concurrently,
 * and settles each (done, retry at a time, failed) with fencing — see types.ts (JobContext) and
 * settle.ts. Any number of runners may share a PostgreSQL database; a job runs on one at a time, and
 * its fenced effects commit once. In production `start()` ticks on a timer; tests call `tick(now)`.
 */
export class JobRunner {
  readonly owner: string;
  private readonly deps: RunDeps;
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  private readonly concurrency: number;
  private readonly active = new Set<Promise<void>>();
  private claiming: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  /** The last claim filled every free slot: more may be due, so claim again when a slot frees. */
  private backlog = false;

  constructor(private readonly opts: JobRunnerOptions) {
    for (const h of opts.handlers) {
      if (this.handlers.has(h.kind.name)) throw new Error(`two handlers for job kind ${h.kind.name}`);
      this.handlers.set(h.kind.name, h);
    }
    this.owner = opts.owner ?? `runner-${newId()}`;
    this.concurrency = Math.max(1, opts.concurrency ?? 10);
    const leaseMs = opts.leaseMs ?? 30_000;
    const onEvent = opts.onEvent ?? (() => {});
    this.deps = {
      store: opts.store,
      clock: opts.clock,
      owner: this.owner,
      leaseMs,
      heartbeatMs: opts.heartbeatMs ?? Math.max(1, Math.floor(leaseMs / 3)),
      random: opts.random ?? Math.random,
      emit: (e) => {
        try {
          onEvent(e);
        } catch {
          /* a metrics hook never breaks a job */
        }
      },
    };
  }

  /** Handlers running now. */
  get running(): number {
    return this.active.size;
  }

  /**
   * Claim the jobs due at `now` that fit the free slots, run them, and resolve once each is settled
   * (or its lease lost). Returns how many were claimed; 0 means nothing was due (or no slot was free).
   */
  async tick(now: Date): Promise<number> {
    const runs = await this.launch(now);
    await Promise.all(runs);
    return runs.length;
  }

  /** Tick on a timer (unref'd, so it never keeps the process alive) at the clock's time. */
  start(intervalMs = 1000): void {
    this.timer ??= setInterval(() => this.poll(), intervalMs);
    this.timer.unref();
  }

  /** Stop ticking and wait for the running handlers to settle. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.claiming;
    while (this.active.size > 0) await Promise.allSettled([...this.active]);
  }

  private poll(): void {
    this.launch(this.opts.clock.now()).catch((error: unknown) => this.deps.emit({ type: 'error', error }));
  }

  /** Claims one at a time per runner, so free slots are counted right. */
  private launch(now: Date): Promise<Promise<void>[]> {
    const next = this.claiming.then(async () => {
      const free = this.concurrency - this.active.size;
      const rows = await claimJobs(this.deps.store, { owner: this.owner, now, leaseMs: this.deps.leaseMs, limit: free, kinds: [...this.handlers.keys()] });
      this.backlog = free > 0 && rows.length === free;
      return rows.map((row) => {
        const run: Promise<void> = runJob(this.deps, this.handlers.get(row.kind)!, row, now)
          .catch((error: unknown) => this.deps.emit({ type: 'error', jobId: row.id, kind: row.kind, error }))
          .finally(() => {
            this.active.delete(run);
            if (this.backlog && this.timer) this.poll();
          });
        this.active.add(run);
        return run;
      });
    });
    this.claiming = next.catch(() => {});
    return next;
  }
}
