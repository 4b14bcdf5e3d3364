import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../platform/worker.js';
import type { BatchOutcome, QueuedJob } from './batch.js';
import type { BatchExecutor } from './executor.js';
import { type BatchWorkerData, fromWire, type ToPipeline, type ToWorker } from './wire.js';

interface InFlight {
  applied: () => void;
  resolve: (o: BatchOutcome) => void;
  reject: (e: unknown) => void;
}

/**
 * Runs batches in a worker thread with its own database connection. The event loop that reads and
 * answers HTTP requests then only parses and validates; the SQL, the statement building and — on
 * SQLite — the fsync of every commit, which better-sqlite3 performs synchronously, happen on another
 * core. Started on the first batch, so a server that never ingests never starts it.
 */
export class WorkerExecutor implements BatchExecutor {
  private worker: Worker | null = null;
  private readonly inFlight = new Map<number, InFlight>();
  private nextId = 1;

  constructor(private readonly data: BatchWorkerData) {}

  async run(now: Date, jobs: QueuedJob[], applied: () => void): Promise<BatchOutcome> {
    try {
      return await this.post(now, jobs, applied);
    } catch (error) {
      if (!(error instanceof CloneFailed)) throw error;
    }
    // A job the structured clone cannot copy (never one a parser made) fails alone.
    const refused = new Map(jobs.flatMap((q) => cloneError(q)));
    const out = await this.post(now, jobs.filter((q) => !refused.has(q)), applied);
    const outcomes = out.outcomes.values();
    return {
      wroteOutbox: out.wroteOutbox,
      outcomes: jobs.map((q) => (refused.has(q) ? { ok: false, error: refused.get(q), retry: false } : outcomes.next().value!)),
    };
  }

  private post(now: Date, jobs: QueuedJob[], applied: () => void): Promise<BatchOutcome> {
    if (jobs.length === 0) {
      applied();
      return Promise.resolve({ outcomes: [], wroteOutbox: false });
    }
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    try {
      worker.postMessage({ type: 'run', id, now: now.getTime(), jobs } satisfies ToWorker);
    } catch (error) {
      // Nothing was sent (the structured clone failed, or a getter threw while it copied).
      throw new CloneFailed(error);
    }
    worker.ref();
    return new Promise((resolve, reject) => this.inFlight.set(id, { applied, resolve, reject }));
  }

  private start(): Worker {
    const worker = startWorker(import.meta.url, 'batch-worker', this.data);
    worker.unref();
    worker.on('message', (m: ToPipeline) => {
      const f = this.inFlight.get(m.id);
      if (!f) return;
      f.applied();
      if (m.type === 'applied') return;
      this.inFlight.delete(m.id);
      if (this.inFlight.size === 0) worker.unref();
      if (m.type === 'failed') return f.reject(fromWire(m.error));
      f.resolve({
        wroteOutbox: m.wroteOutbox,
        outcomes: m.outcomes.map((o) => (o.ok ? o : { ok: false, error: fromWire(o.error), retry: o.retry })),
      });
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const f of this.inFlight.values()) {
        f.applied();
        f.reject(error);
      }
      this.inFlight.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the ingest worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise<void>((r) => worker.once('exit', () => r()));
    worker.ref();
    worker.postMessage({ type: 'close' } satisfies ToWorker);
    await exited;
  }
}

class CloneFailed extends Error {
  constructor(cause: unknown) {
    super('a job could not be copied to the ingest worker', { cause });
  }
}

/** [job, why it cannot be copied], or nothing when it can. */
function cloneError(q: QueuedJob): [QueuedJob, unknown][] {
  try {
    structuredClone(q);
    return [];
  } catch (error) {
    return [[q, error]];
  }
}
