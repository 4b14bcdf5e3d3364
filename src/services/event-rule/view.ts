import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { EventRule as EventRuleContract } from '../../contracts/event-rule.js';
import type { EventRule, RuleAction, RuleCondition } from '../../domain/ingest/rules.js';
import type { EventRuleTable } from '../../store/schema.js';

export type EventRuleView = z.infer<typeof EventRuleContract>;
export type EventRuleRow = Selectable<EventRuleTable>;

/**
 * Storage: `conditions` holds `{ match, conditions: [...] }` (the table has no match column), `actions`
 * the action list, both as JSON text written by the use cases of this folder.
 */
export function conditionsColumn(match: 'all' | 'any', conditions: RuleCondition[]): string {
  return JSON.stringify({ match, conditions });
}

/** The domain rule of a row; null when the JSON is unreadable (only possible by editing the table by hand). */
export function ruleFromRow(r: EventRuleRow): EventRule | null {
  try {
    const c: unknown = JSON.parse(r.conditions);
    const actions: unknown = JSON.parse(r.actions);
    // A bare array is read as `match: all` (tolerated for rows written by hand).
    const stored = Array.isArray(c) ? { match: 'all', conditions: c } : (c as { match?: unknown; conditions?: unknown } | null);
    if (!stored || !Array.isArray(stored.conditions) || !Array.isArray(actions)) return null;
    return {
      id: r.id,
      name: r.name,
      serviceId: r.serviceId,
      position: Number(r.position),
      enabled: Number(r.enabled) === 1,
      match: stored.match === 'any' ? 'any' : 'all',
      conditions: stored.conditions as RuleCondition[],
      actions: actions as RuleAction[],
      stopOnMatch: Number(r.stopOnMatch) === 1,
    };
  } catch {
    return null;
  }
}

export function viewEventRule(r: EventRuleRow): EventRuleView {
  const rule = ruleFromRow(r);
  return {
    id: r.id,
    name: r.name,
    scope: r.serviceId === null ? 'global' : 'service',
    serviceId: r.serviceId,
    position: Number(r.position),
    enabled: Number(r.enabled) === 1,
    match: rule?.match ?? 'all',
    conditions: rule?.conditions ?? [],
    actions: rule?.actions ?? [],
    stopOnMatch: Number(r.stopOnMatch) === 1,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
