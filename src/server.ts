import type { FastifyInstance } from 'fastify';
import { createApp } from './http/app.js';
import { createMetricsRegistry } from './http/metrics.js';
import type { Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { type BootstrapResult, bootstrapOwner } from './services/auth/bootstrap.js';
import { resolveSecret } from './services/auth/secret.js';
import { LiveHub } from './services/live/hub.js';
import { Intake } from './services/ingest/intake.js';
import { migrate, openStore, type Store } from './store/db.js';

export interface Server {
  app: FastifyInstance;
  store: Store;
  hub: LiveHub;
  bootstrap: BootstrapResult;
  /** Stop accepting, finish in-flight requests, end live streams, close the database. */
  close(): Promise<void>;
}

export interface ServerOptions {
  config: Config;
  clock: Clock;
  /** Tests: a PostgreSQL schema of their own. */
  pgSchema?: string;
  logStream?: NodeJS.WritableStream;
}

/** Open the store, migrate, bootstrap the first owner and build the app (not yet listening). */
export async function buildServer(opts: ServerOptions): Promise<Server> {
  const { config, clock } = opts;
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgSchema: opts.pgSchema });
  try {
    await migrate(store);
    const secret = await resolveSecret(store, clock, config.secret);
    const bootstrap = await bootstrapOwner(store, clock, config.bootstrapToken);
    const hub = new LiveHub(store);
    await hub.start();
    const intake = new Intake({ store, clock, secret, publicUrl: config.publicUrl, outbox: hub, globalRateLimit: config.ingestGlobalRateLimit });
    const app = await createApp({
      store,
      clock,
      secret,
      publicUrl: config.publicUrl,
      outbox: hub,
      hub,
      intake,
      metrics: createMetricsRegistry(),
      logLevel: config.logLevel,
      trustProxy: config.trustProxy,
      logStream: opts.logStream,
    });
    let closed = false;
    return {
      app,
      store,
      hub,
      bootstrap,
      close: async () => {
        if (closed) return;
        closed = true;
        await app.close();
        await intake.pipeline.drained();
        await hub.stop();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
