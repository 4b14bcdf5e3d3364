import type { EventRule } from '../../domain/ingest/rules.js';
import type { Executor } from '../context.js';
import { ruleFromRow } from './view.js';

/**
 * Every enabled rule, global and per service, global first then by service and position: the input
 * of `evaluateRules` for the ingest pipeline. A row whose JSON cannot be read is skipped rather than
 * stopping ingestion (rows are written only by the validated use cases of this folder).
 */
export async function loadEnabledRules(ex: Executor): Promise<EventRule[]> {
  const rows = await ex.selectFrom('eventRule').selectAll().where('enabled', '=', 1).execute();
  return sortRules(rows.map(ruleFromRow).filter((r): r is EventRule => r !== null));
}

/** Global rules first, then each service's (by service id), each by position then id. */
export function sortRules<T extends { id: string; serviceId: string | null; position: number }>(rules: T[]): T[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rules.sort(
    (a, b) =>
      Number(a.serviceId !== null) - Number(b.serviceId !== null) ||
      cmp(a.serviceId ?? '', b.serviceId ?? '') ||
      Number(a.position) - Number(b.position) ||
      cmp(a.id, b.id),
  );
}
