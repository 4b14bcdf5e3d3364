import type { FastifyInstance } from 'fastify';
import { createApp } from './http/app.js';
import { createMetricsRegistry } from './http/metrics.js';
import type { Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { type BootstrapResult, bootstrapOwner } from './services/auth/bootstrap.js';
import { resolveSecret } from './services/auth/secret.js';
import { LiveHub } from './services/live/hub.js';
import { HeartbeatMonitor } from './services/ingest/heartbeat-monitor.js';
import { Intake } from './services/ingest/intake.js';
import { findIntegrationByKey } from './services/ingest/integration-actor.js';
import { openExecutor } from './services/ingest/open-executor.js';
import { JobRunner } from './jobs/index.js';
import { outboundHandlers } from './notify/outbound/handlers.js';
import { createDeliveryDeps } from './notify/setup.js';
import { escalationHandlers } from './services/escalation/handlers.js';
import { maintenanceNoticeHandlers } from './services/status-subscriber/maintenance-handlers.js';
import { startSmtpListener } from './smtp/listener.js';
import { migrate, openStore, type Store } from './store/db.js';

export interface Server {
  app: FastifyInstance;
  store: Store;
  hub: LiveHub;
  bootstrap: BootstrapResult;
  /** Alert ingestion (rate limits, group-commit pipeline) and the heartbeat monitor (tests call sweep()). */
  intake: Intake;
  heartbeats: HeartbeatMonitor;
  /** The durable job runner: escalation steps and notification deliveries (tests call tick(now)). */
  jobs: JobRunner;
  /** The SMTP listener for email integrations (HIKESHI_INBOUND_SMTP_PORT; 0 picks a free port), or null. */
  smtp: { port: number } | null;
  /** Stop accepting, finish in-flight requests, end live streams, close the database. */
  close(): Promise<void>;
}

export interface ServerOptions {
  config: Config;
  clock: Clock;
  /** Tests: a PostgreSQL schema of their own. */
  pgSchema?: string;
  logStream?: NodeJS.WritableStream;
  /** How often to look for overdue heartbeats (default 15 s); 0 turns the timer off (tests sweep by hand). */
  heartbeatSweepMs?: number;
  /** Run ingest batches on the server's own thread instead of a worker thread (tests of that path). */
  ingestInProcess?: boolean;
  /** How often the job runner looks for due jobs (default 1 s); 0 turns the timer off (tests tick by hand). */
  jobTickMs?: number;
}

/** Open the store, migrate, bootstrap the first owner and build the app (not yet listening). */
export async function buildServer(opts: ServerOptions): Promise<Server> {
  const { config, clock } = opts;
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgSchema: opts.pgSchema, sqliteCheckpoints: 'thread' });
  try {
    await migrate(store);
    const secret = await resolveSecret(store, clock, config.secret);
    const bootstrap = await bootstrapOwner(store, clock, config.bootstrapToken);
    const hub = new LiveHub(store);
    await hub.start();
    const executor = openExecutor({
      store,
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      pgSchema: opts.pgSchema,
      secret,
      publicUrl: config.publicUrl,
      outbox: hub,
      inProcess: opts.ingestInProcess,
    });
    const intake = new Intake({ clock, executor, globalRateLimit: config.ingestGlobalRateLimit });
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
      emailEnabled: !!config.smtpUrl,
    });
    const delivery = createDeliveryDeps(store.db, clock, {
      publicUrl: config.publicUrl,
      secret,
      smtpUrl: config.smtpUrl,
      smtpFrom: config.smtpFrom,
      outboundAllow: config.outboundAllow,
      telephony: config.telephony,
    });
    const jobs = new JobRunner({
      store,
      clock,
      handlers: [...escalationHandlers({ store, secret, publicUrl: config.publicUrl, outbox: hub, delivery }), ...outboundHandlers(delivery), ...maintenanceNoticeHandlers({ store, secret, publicUrl: config.publicUrl, outbox: hub })],
      onEvent: (e) => {
        if (e.type === 'failed' || e.type === 'error') app.log.warn({ job: e.jobId, kind: e.kind, err: e.error }, `job ${e.type}`);
      },
    });
    if (opts.jobTickMs !== 0) jobs.start(opts.jobTickMs ?? 1000);
    const heartbeats = new HeartbeatMonitor(store, clock, intake.pipeline, (err) => app.log.error({ err }, 'heartbeat sweep failed'));
    if (opts.heartbeatSweepMs !== 0) heartbeats.start(opts.heartbeatSweepMs);
    const smtp =
      config.inboundSmtpPort === undefined
        ? null
        : await startSmtpListener({
            port: config.inboundSmtpPort,
            host: config.host,
            intake,
            findIntegration: (key) => findIntegrationByKey(store.db, key),
            clock,
            log: app.log.child({ module: 'smtp' }),
          }).catch(async (err: unknown) => {
            heartbeats.stop();
            await jobs.stop();
            delivery.close();
            await app.close();
            await hub.stop();
            throw err;
          });
    let closed = false;
    return {
      app,
      store,
      hub,
      bootstrap,
      intake,
      heartbeats,
      jobs,
      smtp: smtp && { port: smtp.port },
      close: async () => {
        if (closed) return;
        closed = true;
        await smtp?.close();
        heartbeats.stop();
        await app.close();
        await jobs.stop();
        delivery.close();
        await intake.pipeline.close();
        await hub.stop();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
