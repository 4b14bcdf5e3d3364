import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../platform/worker.js';
import type { OutboxListener } from '../context.js';
import type { BatchExecutor } from './executor.js';
import type { IngestJob, JobResult } from './job.js';
import { type BatchWorkerData, fromWire, type ToPipeline, type ToWorker } from './wire.js';

interface Waiting {
  resolve: (r: JobResult) => void;
  reject: (e: unknown) => void;
}

/**
 * Applies jobs in a worker thread (batch-worker.ts) with its own database connection, where group
 * commit runs. The event loop that reads and answers HTTP requests then only parses and validates;
 * the SQL, the statement building and — on SQLite — the fsync of every commit happen on another core,
 * and the worker starts its next batch without waiting for this thread. Started on the first job, so
 * a server that never ingests never starts it.
 */
export class WorkerExecutor implements BatchExecutor {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private outgoing: { id: number; at: number; job: IngestJob }[] = [];
  private nextId = 1;
  private idle: (() => void)[] = [];

  constructor(
    private readonly data: BatchWorkerData,
    private readonly outbox: OutboxListener,
  ) {}

  submit(job: IngestJob, at: number): Promise<JobResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // The jobs of one event-loop turn go over in one message.
      if (this.outgoing.length === 0) setImmediate(() => this.send());
      this.outgoing.push({ id, at, job });
    });
  }

  drained(): Promise<void> {
    if (this.waiting.size === 0) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  async close(): Promise<void> {
    await this.drained();
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise<void>((r) => worker.once('exit', () => r()));
    worker.ref();
    worker.postMessage({ type: 'close' } satisfies ToWorker);
    await exited;
  }

  private send(): void {
    const jobs = this.outgoing;
    this.outgoing = [];
    if (jobs.length === 0) return;
    const worker = this.worker ?? this.start();
    try {
      worker.postMessage({ type: 'jobs', jobs } satisfies ToWorker);
    } catch {
      // A job the structured clone cannot copy (never one a parser made) fails alone; the rest go.
      const copyable = jobs.filter(({ id, job }) => {
        try {
          structuredClone(job);
          return true;
        } catch (error) {
          this.settle(id, (w) => w.reject(error));
          return false;
        }
      });
      if (copyable.length) worker.postMessage({ type: 'jobs', jobs: copyable } satisfies ToWorker);
    }
    if (this.waiting.size > 0) worker.ref();
  }

  private settle(id: number, how: (w: Waiting) => void): void {
    const w = this.waiting.get(id);
    if (!w) return;
    this.waiting.delete(id);
    how(w);
    if (this.waiting.size === 0) {
      this.worker?.unref();
      for (const r of this.idle.splice(0)) r();
    }
  }

  private start(): Worker {
    const worker = startWorker(import.meta.url, 'batch-worker', this.data);
    worker.unref();
    worker.on('message', (m: ToPipeline) => {
      if (m.type === 'outbox') return this.outbox.committed();
      for (const { id, outcome } of m.jobs) {
        this.settle(id, (w) => (outcome.ok ? w.resolve(outcome.result) : w.reject(fromWire(outcome.error))));
      }
    });
    // The worker died (a bug, or the database could not be opened): whatever it held fails, and the
    // next job starts a new one. A job it had committed but not yet answered is stored; the sender's
    // retry then deduplicates against it.
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const id of [...this.waiting.keys()]) this.settle(id, (w) => w.reject(error));
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the ingest worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
