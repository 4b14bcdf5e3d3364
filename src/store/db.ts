import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import {
  CamelCasePlugin,
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely';
import pg from 'pg';
import { Checkpointer } from './checkpointer.js';
import { loadSqliteDriver } from './sqlite-driver.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL only: a LISTEN/NOTIFY channel name unique to this database schema. */
  channel: string;
  /** PostgreSQL only: the schema holding our tables (`public` unless a test chose one). */
  pgSchema?: string;
  /** PostgreSQL only: the pool (LISTEN needs a dedicated client). */
  pgPool?: pg.Pool;
  /** SQLite only: the database file (`:memory:` for an in-memory database). */
  sqliteFile?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `undefined` → `<dataDir>/hikeshi.db`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** PostgreSQL: use (and create) this schema instead of `public`; tests use one per run. */
  pgSchema?: string;
  pgPoolSize?: number;
  /**
   * SQLite: commits do not flush the WAL (`synchronous=NORMAL`); the caller flushes it with WalSync
   * before it answers (the ingest worker does). Otherwise a commit is on disk when COMMIT returns.
   */
  sqliteDeferredSync?: boolean;
  /**
   * SQLite: who checkpoints the WAL. `auto` (default): SQLite, inside the commit that crosses 1,000
   * pages. `thread`: a Checkpointer thread that this store starts and stops. `elsewhere`: another
   * connection's Checkpointer (the ingest worker's connection beside the server's).
   */
  sqliteCheckpoints?: 'auto' | 'thread' | 'elsewhere';
}

/** Advisory lock key that serialises start-up work (schema, migrations, bootstrap) across instances. */
export const STARTUP_LOCK = 0x68696b65; // "hike"

let pgParsersSet = false;
function setPgTypeParsers(): void {
  if (pgParsersSet) return;
  pgParsersSet = true;
  // Read back what SQLite reads back: ISO text for instants, numbers for int8.
  pg.types.setTypeParser(1184, (v) => new Date(v).toISOString()); // timestamptz
  pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString()); // timestamp
  pg.types.setTypeParser(20, (v) => Number(v)); // int8 (ids stay far below 2^53)
}

function sqliteFile(url: string | undefined, dataDir: string): string {
  if (!url) return path.join(dataDir, 'hikeshi.db');
  const rest = url.replace(/^(sqlite|file):(\/\/)?/, '');
  return rest === ':memory:' ? rest : path.resolve(rest);
}

/** Open the store chosen by DATABASE_URL: PostgreSQL for postgres://, otherwise a SQLite file. */
export async function openStore(opts: OpenOptions): Promise<Store> {
  const url = opts.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    setPgTypeParsers();
    const schema = opts.pgSchema;
    if (schema) {
      if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        // CREATE SCHEMA IF NOT EXISTS is not atomic: instances starting together serialise on a lock.
        await admin.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
        await admin.query(`create schema if not exists ${schema}`);
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.pgPoolSize ?? 10,
      application_name: schema ? `hikeshi:${schema}` : 'hikeshi',
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle connection that dies (database restart, failover, admin kill) is dropped from the pool and
    // replaced on next use; without this listener the pool's 'error' event would crash the process.
    pool.on('error', () => {});
    // The same for a connection that dies while checked out but between queries (pg emits 'error' on
    // the client then, with nobody listening); a query in flight still fails through its promise.
    pool.on('connect', (client) => {
      client.on('error', () => {});
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    // The schema our unqualified names resolve to (`public`, or what search_path in the URL chose).
    const current = schema ?? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s ?? 'public';
    return {
      db,
      dialect: 'postgres',
      channel: `hikeshi_outbox_${current}`,
      pgSchema: current,
      pgPool: pool,
      close: () => db.destroy(),
    };
  }
  const file = sqliteFile(url, opts.dataDir);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const SQLite = await loadSqliteDriver();
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  // better-sqlite3 reopens WAL databases at NORMAL; a 2xx must mean "on disk", so FULL explicitly.
  database.pragma(`synchronous = ${opts.sqliteDeferredSync ? 'NORMAL' : 'FULL'}`);
  const checkpoints = file === ':memory:' ? 'auto' : (opts.sqliteCheckpoints ?? 'auto');
  if (checkpoints !== 'auto') database.pragma('wal_autocheckpoint = 0');
  // A WAL that grew under a storm is cut back to this when it starts over.
  database.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // A 64 MiB page cache (the default is 2 MiB): alert storms touch the alert, event and incident
  // indexes all over; reading them back from the OS page cache costs a syscall per page.
  database.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(database) }), plugins: [new CamelCasePlugin()] });
  const checkpointer = checkpoints === 'thread' ? new Checkpointer(file) : null;
  const close = async () => {
    await checkpointer?.close();
    await db.destroy();
  };
  return { db, dialect: 'sqlite', channel: '', sqliteFile: file, close };
}

/**
 * Transactions take the write lock when they begin (`BEGIN IMMEDIATE`). Two connections write to the
 * database (the server's and the ingest worker's, services/ingest/worker-executor.ts); a deferred
 * transaction that read first and then writes fails at once with SQLITE_BUSY when the other committed
 * in between, because busy_timeout cannot help a stale snapshot. Taken at BEGIN, the lock is waited for.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * Kysely prepares every statement on every execution; preparing costs as much as running a small
 * statement. The SQL texts are few (queries are parameterised), so keep the prepared statements,
 * least recently used out first. better-sqlite3 runs synchronously, so a cached statement is never
 * in use twice at once.
 */
function withStatementCache(database: BetterSqlite3.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare: (sqlText: string) => {
      let stmt = cache.get(sqlText);
      if (stmt) {
        cache.delete(sqlText);
      } else {
        stmt = database.prepare(sqlText);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sqlText, stmt);
      return stmt;
    },
  };
}

export interface MigrationResult {
  applied: string[];
}

/**
 * Apply pending migrations. PostgreSQL takes Kysely's advisory lock, so concurrent instances apply
 * each migration once. SQLite has one writer process by design (see ARCHITECTURE.md).
 */
export async function migrate(store: Store): Promise<MigrationResult> {
  const { dialect } = store;
  const migrator = new Migrator({
    db: store.db,
    // Kysely looks for its bookkeeping tables in every schema unless told which one; name ours so a
    // second Hikeshi (or a test) in another schema of the same database is never mistaken for this one.
    ...(store.pgSchema ? { migrationTableSchema: store.pgSchema } : {}),
    provider: {
      getMigrations: async () =>
        Object.fromEntries(
          Object.entries(migrations).map(([name, m]) => [name, { up: (db: Kysely<any>) => m.up(db, dialect) }]),
        ),
    },
  });
  // Kysely locks the migrations themselves, but creating its own bookkeeping tables races when
  // instances start together (concurrent CREATE TABLE IF NOT EXISTS); one lock around the whole run.
  const lock = store.pgPool ? await store.pgPool.connect() : null;
  let outcome: Awaited<ReturnType<Migrator['migrateToLatest']>>;
  try {
    if (lock) await lock.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    outcome = await migrator.migrateToLatest();
  } finally {
    if (lock) {
      await lock.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => {});
      lock.release();
    }
  }
  const { error, results } = outcome;
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** True when the database answers and every known migration is applied (readiness). */
export async function isReady(store: Store): Promise<boolean> {
  try {
    const table = store.pgSchema ? sql.table(`${store.pgSchema}.kysely_migration`) : sql.table('kysely_migration');
    const rows = await sql<{ name: string }>`select name from ${table}`.execute(store.db);
    const applied = new Set(rows.rows.map((r) => r.name));
    return Object.keys(migrations).every((m) => applied.has(m));
  } catch {
    return false;
  }
}
