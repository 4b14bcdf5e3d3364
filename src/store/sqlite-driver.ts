import type BetterSqlite3 from 'better-sqlite3';

/**
 * better-sqlite3 12 is the last line that runs on Node 20 (13 needs N-API 10 and segfaults there), but
 * on Node 24 its ObjectWrap aborts the process when a statement is garbage-collected (upstream
 * WiseLibs/better-sqlite3#1515, fixed in 13). So both are installed — 13 under the alias
 * `better-sqlite3-node24`, an optional dependency that npm skips on Node 20 — and the right one is
 * loaded here. Same API, same SQLite file format.
 */
export async function loadSqliteDriver(): Promise<typeof BetterSqlite3> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 24) {
    try {
      const mod = (await import('better-sqlite3-node24' as string)) as { default: typeof BetterSqlite3 };
      return mod.default;
    } catch (err) {
      throw new Error(
        `Node.js ${process.versions.node} needs better-sqlite3 13 (package alias better-sqlite3-node24), which failed to install; run \`npm ci\` again with build tools (python3, make, g++) available, or use PostgreSQL (${String(err)})`,
      );
    }
  }
  return (await import('better-sqlite3')).default;
}
