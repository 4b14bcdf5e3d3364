import { type IngestJob, IntegrationKeyError, type JobResult } from './job.js';

/** An error as it crosses from the batch worker to the pipeline (structured clone keeps no classes). */
export type WireError =
  | { kind: 'key'; key: string; foundType: string | null }
  | { kind: 'error'; name: string; message: string; code: unknown; stack: string | undefined };

export function toWire(error: unknown): WireError {
  if (error instanceof IntegrationKeyError) return { kind: 'key', key: error.key, foundType: error.foundType };
  const e = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown; stack?: unknown };
  return {
    kind: 'error',
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : String(error),
    code: typeof e.code === 'string' || typeof e.code === 'number' ? e.code : undefined,
    stack: typeof e.stack === 'string' ? e.stack : undefined,
  };
}

/** The error again, with its `code` (what isUniqueViolation and isDatabaseUnavailable look at). */
export function fromWire(w: WireError): Error {
  if (w.kind === 'key') return new IntegrationKeyError(w.key, w.foundType);
  const error = Object.assign(new Error(w.message), w.code === undefined ? {} : { code: w.code });
  error.name = w.name;
  if (w.stack) error.stack = w.stack;
  return error;
}

/** What the batch worker is started with: how to open the same database as the server. */
export interface BatchWorkerData {
  databaseUrl: string | undefined;
  dataDir: string;
  pgSchema: string | undefined;
  secret: string;
  publicUrl: string;
}

/** How a job settled, as the worker reports it. */
export type WireOutcome = { ok: true; result: JobResult } | { ok: false; error: WireError };

export type ToWorker = { type: 'jobs'; jobs: { id: number; at: number; job: IngestJob }[] } | { type: 'close' };

export type ToPipeline = { type: 'settled'; jobs: { id: number; outcome: WireOutcome }[] } | { type: 'outbox' };
