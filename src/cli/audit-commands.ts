import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { EXIT_AUDIT_BROKEN, EXIT_CODES, EXIT_FAILURE, EXIT_OK } from './exit-codes.js';

/**
 * `hikeshi audit verify`: a server-side command. It opens the database named by the environment
 * (DATABASE_URL / HIKESHI_DATA_DIR, as `hikeshi start` does) and only reads: no migrations, no
 * writes, safe next to a running server (SQLite WAL readers do not block the writer). A PostgreSQL
 * schema other than `public` is chosen the libpq way, in the URL:
 * `postgres://…/db?options=-c%20search_path%3Dmyschema`.
 *
 * Exit 0 when the chain is intact, 5 (EXIT_AUDIT_BROKEN) when it is not, 7 when the database cannot
 * be reached, 1 for anything else (e.g. no database at all).
 */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('check every link of the audit log and its head; exit 5 when broken')
    .action(async (_o: unknown, cmd: Command) => {
      // --json is the program-wide flag (registered with the client commands).
      process.exitCode = await verifyCommand(process.env, cmd.optsWithGlobals<{ json?: boolean }>().json === true);
    });
}

const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNRESET', '57P03']);

/** The SQLite file store/db.ts would open, or null for PostgreSQL. */
function sqliteFile(databaseUrl: string | undefined, dataDir: string): string | null {
  if (!databaseUrl) return path.join(dataDir, 'hikeshi.db');
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return null;
  return path.resolve(databaseUrl.replace(/^(sqlite|file):(\/\/)?/, ''));
}

async function verifyCommand(env: Record<string, string | undefined>, json: boolean): Promise<number> {
  // Loaded here, not at the top: client commands must not pay for (or depend on) the server code.
  const { readConfig } = await import('../main.js');
  const { openStore } = await import('../store/db.js');
  const { verifyAuditLog } = await import('../services/audit/verify.js');
  const config = readConfig(env);
  const file = sqliteFile(config.databaseUrl, config.dataDir);
  if (file && file !== ':memory:' && !existsSync(file)) {
    process.stderr.write(`error: no database at ${file}; set HIKESHI_DATA_DIR or DATABASE_URL to the server's database\n`);
    return EXIT_FAILURE;
  }
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgPoolSize: 1 });
  try {
    const result = await verifyAuditLog(store);
    if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else if (result.ok) process.stdout.write(`audit log OK: ${result.entries} entries\n`);
    else {
      process.stdout.write(`audit log BROKEN: ${result.problem.message}\n`);
      const n = result.entries;
      process.stdout.write(`  ${n} ${n === 1 ? 'entry' : 'entries'} verified intact before row ${result.problem.seq}\n`);
    }
    return result.ok ? EXIT_OK : EXIT_AUDIT_BROKEN;
  } catch (err) {
    const code = (err as { code?: string }).code;
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`error: cannot read the audit log: ${message}\n`);
    return code && NETWORK_ERRORS.has(code) ? EXIT_CODES.UNAVAILABLE : EXIT_FAILURE;
  } finally {
    await store.close();
  }
}
