import { type Config, ConfigError, loadConfig } from './platform/config.js';
import { systemClock } from './platform/clock.js';
import { buildServer } from './server.js';
import { migrate, openStore } from './store/db.js';

/** Composition root for `hikeshi start`: the only place that reads process.env and installs signals. */
export async function start(env: Record<string, string | undefined> = process.env): Promise<void> {
  const config = readConfig(env);
  const server = await buildServer({ config, clock: systemClock });
  await server.app.listen({ port: config.port, host: config.host });
  const url = config.publicUrl;
  if (server.bootstrap.created) {
    const b = server.bootstrap;
    process.stdout.write(
      [
        '',
        '  Hikeshi is running — first start, an owner account was created:',
        `    open      ${url}`,
        `    e-mail    ${b.email}`,
        `    password  ${b.password}   (shown once; change it after logging in)`,
        b.viaToken ? '    API token HIKESHI_BOOTSTRAP_TOKEN (use it as "Authorization: Bearer …")' : `    API       create a token: POST ${url}/api/v1/users/{id}/tokens, or set HIKESHI_BOOTSTRAP_TOKEN`,
        `    API docs  ${url}/api/docs`,
        '',
      ].join('\n') + '\n',
    );
  } else {
    process.stdout.write(`Hikeshi is running on ${url} (database: ${server.store.dialect})\n`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err) => {
        server.app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** `hikeshi migrate`: apply pending migrations and exit. */
export async function runMigrations(env: Record<string, string | undefined> = process.env): Promise<string[]> {
  const config = readConfig(env);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return (await migrate(store)).applied;
  } finally {
    await store.close();
  }
}

export function readConfig(env: Record<string, string | undefined>): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
