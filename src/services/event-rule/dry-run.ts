import type { z } from 'zod';
import { DryRunBody, type DryRunResult } from '../../contracts/event-rule.js';
import { DomainError, validation } from '../../domain/errors.js';
import { type EventRule, evaluateRules, type RuleOutcome } from '../../domain/ingest/rules.js';
import type { AlertEvent } from '../../ingest/event.js';
import { parsers } from '../../ingest/registry.js';
import type { Executor, ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { requireServices } from '../shared/exists.js';
import { parseInput } from '../shared/parse.js';
import { checkRule } from './check.js';
import { loadEnabledRules } from './load-enabled.js';

type DryRunView = z.infer<typeof DryRunResult>;
type Draft = NonNullable<z.output<typeof DryRunBody>['rules']>[number];

/** Unsaved rules, checked like stored ones, with ids `draft-N` (service) / `global-draft-N`. */
async function draftRules(ex: Executor, drafts: Draft[], serviceId: string | null, field: string): Promise<EventRule[]> {
  const rules: EventRule[] = [];
  for (const [i, d] of drafts.entries()) {
    await checkRule(ex, { serviceId, conditions: d.conditions, actions: d.actions, stopOnMatch: d.stopOnMatch }, `${field}.${i}.`);
    const id = `${serviceId === null ? 'global-draft' : 'draft'}-${i + 1}`;
    rules.push({ id, name: d.name ?? `unsaved rule ${i + 1}`, serviceId, position: i + 1, enabled: d.enabled, match: d.match, conditions: d.conditions, actions: d.actions, stopOnMatch: d.stopOnMatch });
  }
  return rules;
}

/** Open (unresolved) alerts by service and dedup key: the ones these events would update. */
async function openAlerts(ex: Executor, outcomes: RuleOutcome<AlertEvent>[]) {
  const keysByService = new Map<string, Set<string>>();
  for (const o of outcomes) {
    if (o.event.dedupKey === null) continue;
    const keys = keysByService.get(o.serviceId) ?? new Set<string>();
    keys.add(o.event.dedupKey);
    keysByService.set(o.serviceId, keys);
  }
  const found = new Map<string, { id: string; status: string; incidentId: string | null }>();
  for (const [serviceId, keys] of keysByService) {
    const rows = await ex
      .selectFrom('alert')
      .select(['id', 'status', 'incidentId', 'dedupKey'])
      .where('serviceId', '=', serviceId)
      .where('dedupKey', 'in', [...keys])
      .where('resolvedAt', 'is', null)
      .execute();
    for (const r of rows) found.set(JSON.stringify([serviceId, r.dedupKey]), { id: r.id, status: r.status, incidentId: r.incidentId });
  }
  return (o: RuleOutcome<AlertEvent>) => (o.event.dedupKey === null ? null : (found.get(JSON.stringify([o.serviceId, o.event.dedupKey])) ?? null));
}

const OUTCOME = { drop: 'dropped', suppress: 'suppressed', alert: 'alert' } as const;

/**
 * "Given this payload, which rules match and what happens?": parse it as the integration endpoint
 * would, apply the stored rules (or the unsaved ones given), and report each alert event's fate.
 * Reads only. Maintenance windows and grouping are not part of the answer.
 */
export async function dryRunEventRules(ctx: ServiceContext, input: unknown): Promise<DryRunView> {
  authorize(ctx.actor, 'service.read');
  const body = parseInput(DryRunBody, input);
  if (body.payload === undefined) throw validation('payload', 'is required: the body the sender would post');
  const db = ctx.store.db;
  await requireServices(db, 'serviceId', [body.serviceId]);
  const drafts = [
    ...(body.globalRules ? await draftRules(db, body.globalRules, null, 'globalRules') : []),
    ...(body.rules ? await draftRules(db, body.rules, body.serviceId, 'rules') : []),
  ];
  const stored = (await loadEnabledRules(db)).filter((r) => !(r.serviceId === null ? body.globalRules : r.serviceId === body.serviceId && body.rules));
  const rules = [...stored, ...drafts];

  const parsed = parsers[body.format].parse(body.payload, { receivedAt: ctx.clock.now().toISOString() });
  if (!parsed.ok) {
    const fields = parsed.errors.map((e) => ({ field: e.field === 'body' ? 'payload' : `payload.${e.field}`, message: e.message }));
    throw new DomainError('VALIDATION', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
  }
  const events = parsed.events.filter((e): e is AlertEvent => e.kind === 'alert');
  const outcomes = events.map((e) => evaluateRules(rules, body.serviceId, e));
  const openAlertOf = await openAlerts(db, outcomes);
  return {
    results: outcomes.map((o, i) => {
      const e = events[i]!;
      return {
        event: {
          action: e.action,
          dedupKey: e.dedupKey,
          summary: e.summary,
          source: e.source,
          severity: e.severity,
          component: e.component,
          group: e.group,
          class: e.class,
          labels: e.labels,
          details: e.details,
          occurredAt: e.occurredAt,
        },
        matched: o.matched,
        outcome: OUTCOME[o.disposition],
        serviceId: o.serviceId,
        severity: o.event.severity,
        dedupKey: o.event.dedupKey,
        priority: o.priority,
        incidentSeverity: o.incidentSeverity,
        incidentType: o.incidentType,
        notes: o.notes,
        routes: o.reason.routes,
        openAlert: openAlertOf(o),
      };
    }),
  };
}
