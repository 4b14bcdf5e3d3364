import type { Store } from '../../store/db.js';
import type { OutboxListener } from '../context.js';
import { type BatchExecutor, InProcessExecutor } from './executor.js';
import { WorkerExecutor } from './worker-executor.js';

export interface ExecutorOptions {
  store: Store;
  /** DATABASE_URL, for the worker's own connection. */
  databaseUrl: string | undefined;
  dataDir: string;
  pgSchema: string | undefined;
  secret: string;
  publicUrl: string;
  outbox: OutboxListener;
  /** Run batches on the server's own thread and connection (an in-memory SQLite database must). */
  inProcess?: boolean;
}

/** A worker thread with its own connection, unless the database cannot be opened twice. */
export function openExecutor(o: ExecutorOptions): BatchExecutor {
  const memory = o.store.dialect === 'sqlite' && o.store.sqliteFile === ':memory:';
  if (o.inProcess || memory) return new InProcessExecutor({ store: o.store, secret: o.secret, publicUrl: o.publicUrl, outbox: o.outbox });
  return new WorkerExecutor({
    databaseUrl: o.store.dialect === 'sqlite' ? o.store.sqliteFile : o.databaseUrl,
    dataDir: o.dataDir,
    pgSchema: o.pgSchema,
    secret: o.secret,
    publicUrl: o.publicUrl,
  }, o.outbox);
}
