/** Tables of the durable job runner (src/jobs; migration migrations/2026-11-22-1900-jobs.ts). */

/**
 * One scheduled piece of work: an escalation step, a notification retry, a reminder. `key` is the
 * idempotency key (unique): scheduling the same step twice writes one row.
 */
export interface JobTable {
  id: string;
  kind: string;
  key: string;
  /** JSON text. */
  payload: string;
  dueAt: string;
  /** pending | running | done | failed | cancelled */
  status: string;
  /** Runs started so far (a run that crashed counts). */
  attempts: number;
  /** The runner that holds (or last held) the job. */
  leaseOwner: string | null;
  /** While running: another runner may take the job over after this instant. */
  leaseUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface JobTables {
  job: JobTable;
}
