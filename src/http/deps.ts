import type { Registry } from 'prom-client';
import type { Clock } from '../platform/clock.js';
import type { OutboxListener } from '../services/context.js';
import type { Intake } from '../services/ingest/intake.js';
import type { LiveHub } from '../services/live/hub.js';
import type { Store } from '../store/db.js';
import type { StatusCache } from './status-cache.js';
import type { StatusHosts } from './status-hosts.js';

/** Everything the HTTP app needs, built by the composition root (main.ts) or a test. */
export interface AppDeps {
  store: Store;
  clock: Clock;
  secret: string;
  publicUrl: string;
  outbox: OutboxListener;
  hub: LiveHub;
  /** Alert ingestion: rate limits and the group-commit pipeline. */
  intake: Intake;
  metrics: Registry;
  logLevel: string;
  /** Fastify trustProxy: whose X-Forwarded-For to believe (config HIKESHI_TRUST_PROXY). */
  trustProxy?: boolean | number | string[];
  /** Pretty or JSON logs to this stream; tests pass a sink. */
  logStream?: NodeJS.WritableStream;
  /** Where the built web app is (default <repo>/dist/web). */
  webDir?: string;
  /** Outgoing e-mail is configured (HIKESHI_SMTP_URL): status pages offer e-mail subscriptions. */
  emailEnabled?: boolean;
  /** Custom domains of status pages; createApp builds it. */
  statusHosts?: StatusHosts;
  /** Public status-page answers kept a few seconds; createApp builds it. */
  statusCache?: StatusCache;
}
