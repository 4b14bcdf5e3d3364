import { type Compilable, CompiledQuery, type Kysely, type QueryResult, type Transaction } from 'kysely';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

interface Shape {
  sql: string;
  /** For each SQL parameter: the name of the argument it takes, or a constant. */
  slots: ({ arg: string } | { value: unknown })[];
}

/**
 * A query built and compiled once per dialect, then run with new arguments: Kysely builds, transforms
 * (CamelCasePlugin) and compiles every query on every execution, which costs more than running a
 * small statement. For the few statements on the ingestion hot path (reference/performance.md) the
 * shape is compiled once with sentinel arguments and each run only fills the parameters in.
 *
 * Only for straight-line builders: the builder must not branch on argument values, and every argument
 * must reach the SQL as a parameter (checked when the shape is compiled).
 */
export function prepared<A extends Record<string, unknown>, R>(build: (ex: Executor, args: A) => Compilable<R>) {
  const shapes = new Map<string, Shape>();
  function shapeFor(ex: Executor, args: A): Shape {
    const dialect = ex.getExecutor().adapter.constructor.name;
    let shape = shapes.get(dialect);
    if (!shape) {
      const sentinels = Object.fromEntries(Object.keys(args).map((k) => [k, `\u0001${k}\u0001`])) as unknown as A;
      const compiled = build(ex, sentinels).compile();
      const byValue = new Map(Object.entries(sentinels).map(([k, v]) => [v as unknown, k]));
      const slots = compiled.parameters.map((p) => (byValue.has(p) ? { arg: byValue.get(p)! } : { value: p }));
      for (const k of Object.keys(args)) {
        if (!slots.some((s) => 'arg' in s && s.arg === k)) throw new Error(`prepared query: argument ${k} is not a parameter of ${compiled.sql}`);
      }
      shape = { sql: compiled.sql, slots };
      shapes.set(dialect, shape);
    }
    return shape;
  }
  return (ex: Executor, args: A): Promise<QueryResult<R>> => {
    const shape = shapeFor(ex, args);
    const parameters = shape.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    return ex.executeQuery(CompiledQuery.raw(shape.sql, parameters) as CompiledQuery<R>);
  };
}
