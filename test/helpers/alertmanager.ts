/**
 * A real Prometheus Alertmanager (0.25, Debian's `prometheus-alertmanager`; `.ci/run` installs it) for
 * tests: started on 127.0.0.1 with a generated config, no gossip, a temp storage dir; driven through
 * its own API v2. Tests skip when the binary is absent, except under CI (process.env.CI), where a
 * missing binary is a failure: CI must exercise the real client.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Names the binary goes by: Debian's package, then upstream's tarball. `ALERTMANAGER_BIN` overrides. */
const BINARY_NAMES = ['prometheus-alertmanager', 'alertmanager'];

/** The Alertmanager binary: `$ALERTMANAGER_BIN`, else the first of BINARY_NAMES on PATH; null when none. */
export function alertmanagerBinary(): string | null {
  const explicit = process.env.ALERTMANAGER_BIN;
  if (explicit) return isExecutable(explicit) ? explicit : null;
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of BINARY_NAMES) {
    for (const dir of [...dirs, '/usr/bin', '/usr/local/bin']) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function isExecutable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * For `describe(name, { skip: alertmanagerSkip() }, …)`: a reason to skip when there is no binary,
 * false when there is one, and false under CI even without one, so that startAlertmanager fails
 * loudly there instead of the suite going green without the real client.
 */
export function alertmanagerSkip(): string | false {
  if (alertmanagerBinary() !== null) return false;
  if (process.env.CI) return false;
  return 'prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager, or set ALERTMANAGER_BIN); CI runs this';
}

/** One alert as Alertmanager's `POST /api/v2/alerts` takes it (`postableAlert`). */
export interface PostableAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
}

export interface AlertmanagerOptions {
  /**
   * A whole Alertmanager config: an object (written as JSON, which is YAML) or YAML text. When given,
   * `receivers`, `routes` and the timing options below are not used.
   */
  config?: Record<string, unknown> | string;
  /** Receivers (`{name, pagerduty_configs|opsgenie_configs|webhook_configs: […]}`). */
  receivers?: Record<string, unknown>[];
  /**
   * Child routes under the root route (e.g. `{receiver: 'pd', matchers: ['receiver="pd"']}`). Without
   * any, the root route sends everything to the first receiver; with some, the root's receiver is a
   * receiver with no integrations (`blackhole`), so an alert no route matches goes nowhere.
   */
  routes?: Record<string, unknown>[];
  groupBy?: string[];
  groupWait?: string;
  groupInterval?: string;
  repeatInterval?: string;
  /** `global.resolve_timeout`: how long an alert posted without endsAt stays firing (default 5m). */
  resolveTimeout?: string;
  /** `--web.external-url` (it appears in notifications: externalURL, client_url, source). */
  externalUrl?: string;
  /** How long to wait for `/-/ready` (ms). */
  readyTimeoutMs?: number;
}

export interface RunningAlertmanager {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  /** The config file as written. */
  configText: string;
  /** `POST /api/v2/alerts`; throws unless Alertmanager answers 200. */
  postAlerts(alerts: PostableAlert[]): Promise<void>;
  /** Resolve: the same labels posted again with `endsAt` = now (Alertmanager then marks them resolved). */
  resolveAlerts(alerts: PostableAlert[]): Promise<void>;
  /** `GET /api/v2/alerts` (what Alertmanager holds now, with fingerprints and status). */
  alerts(): Promise<Array<{ fingerprint: string; labels: Record<string, string>; status: { state: string } }>>;
  /** Everything Alertmanager wrote to stderr (its logfmt log) so far. */
  logs(): string;
  /** Log lines about failed notifications (`level=error`/`warn` with "Notify"), to explain a failure. */
  notifyErrors(): string[];
  /** Stop it (SIGTERM, then SIGKILL after 5 s), wait for it to exit, remove the storage dir. Idempotent. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;
/** If the test process dies without calling stop(), its Alertmanagers die with it. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

/** A free TCP port on 127.0.0.1 (the kernel's pick; freed before Alertmanager binds it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The config object for `receivers` + `routes` (the route tree and timings the tests want). */
export function buildAlertmanagerConfig(opts: AlertmanagerOptions): Record<string, unknown> {
  const receivers = opts.receivers ?? [];
  const routes = opts.routes ?? [];
  const names = new Set(receivers.map((r) => r.name));
  const rootReceiver = routes.length > 0 || receivers.length === 0 ? 'blackhole' : String(receivers[0]?.name);
  const allReceivers = names.has(rootReceiver) ? receivers : [{ name: rootReceiver }, ...receivers];
  return {
    global: { resolve_timeout: opts.resolveTimeout ?? '5m' },
    route: {
      receiver: rootReceiver,
      group_by: opts.groupBy ?? ['alertname'],
      group_wait: opts.groupWait ?? '1s',
      group_interval: opts.groupInterval ?? '1s',
      repeat_interval: opts.repeatInterval ?? '1h',
      ...(routes.length > 0 ? { routes } : {}),
    },
    receivers: allReceivers,
  };
}

/** Start an Alertmanager on a free loopback port and wait until it is ready. */
export async function startAlertmanager(opts: AlertmanagerOptions = {}): Promise<RunningAlertmanager> {
  const bin = alertmanagerBinary();
  if (bin === null) {
    throw new Error(
      'prometheus-alertmanager not found on PATH (nor ALERTMANAGER_BIN). Install it: apt-get install prometheus-alertmanager' +
        (process.env.CI ? ' — CI must have it (.ci/run installs it).' : ''),
    );
  }
  const configText =
    typeof opts.config === 'string' ? opts.config : `${JSON.stringify(opts.config ?? buildAlertmanagerConfig(opts), null, 2)}\n`;
  // A port taken between freePort() and Alertmanager's bind makes it exit at once: try another.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launch(bin, configText, opts);
    } catch (err) {
      lastError = err;
      if (!(err instanceof Error && /address already in use/i.test(err.message))) throw err;
    }
  }
  throw lastError;
}

async function launch(bin: string, configText: string, opts: AlertmanagerOptions): Promise<RunningAlertmanager> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hikeshi-am-'));
  const configFile = path.join(dir, 'alertmanager.yml');
  writeFileSync(configFile, configText);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    `--config.file=${configFile}`,
    `--storage.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--cluster.listen-address=',
    `--web.external-url=${opts.externalUrl ?? url}`,
    '--log.level=debug',
  ];
  installExitHook();
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  let spawnError: Error | null = null;
  const exit = new Promise<void>((resolve) => {
    child.on('error', (err) => {
      spawnError = err;
      running.delete(child);
      resolve();
    });
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      running.delete(child);
      resolve();
    });
  });

  let stopped = false;
  const stop = async () => {
    if (!stopped) {
      stopped = true;
      if (exited === null && spawnError === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exit;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const describeFailure = (what: string) =>
    new Error(`${what}\n--- ${bin} ${args.join(' ')}\n--- config:\n${configText}--- Alertmanager log:\n${stderr || '(empty)'}`);

  // Ready when /-/ready answers 200 (config loaded, API and dispatcher up).
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 15_000);
  for (;;) {
    if (spawnError !== null) {
      await stop();
      throw describeFailure(`Alertmanager could not be started: ${(spawnError as Error).message}`);
    }
    if (exited !== null) {
      await stop();
      const { code, signal } = exited as { code: number | null; signal: string | null };
      throw describeFailure(`Alertmanager exited before it was ready (code ${code}, signal ${signal})`);
    }
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw describeFailure(`Alertmanager did not become ready within ${opts.readyTimeoutMs ?? 15_000} ms`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  const postAlerts = async (alerts: PostableAlert[]) => {
    const res = await fetch(`${url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    const text = await res.text();
    if (res.status !== 200) throw describeFailure(`POST /api/v2/alerts answered ${res.status}: ${text}`);
  };

  return {
    url,
    configText,
    postAlerts,
    resolveAlerts: (alerts) => postAlerts(alerts.map((a) => ({ ...a, endsAt: new Date().toISOString() }))),
    alerts: async () => {
      const res = await fetch(`${url}/api/v2/alerts`);
      if (!res.ok) throw describeFailure(`GET /api/v2/alerts answered ${res.status}`);
      return (await res.json()) as Awaited<ReturnType<RunningAlertmanager['alerts']>>;
    },
    logs: () => stderr,
    notifyErrors: () =>
      stderr.split('\n').filter((l) => /level=(error|warn)/.test(l) && /notify|Notify/.test(l)),
    stop,
  };
}

/**
 * Poll `probe` until it returns something other than undefined, or fail after `timeoutMs` with
 * `explain()` (what was seen, Alertmanager's errors) in the message.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  opts: { timeoutMs?: number; intervalMs?: number; explain?: () => string } = {},
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${opts.explain ? `\n${opts.explain()}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 50));
  }
}
