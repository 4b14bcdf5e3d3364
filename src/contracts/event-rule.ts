import { z } from 'zod';
import { ALERT_SEVERITIES } from '../domain/ingest/types.js';
import { INCIDENT_TYPES, PRIORITIES, SEVERITIES } from '../domain/incident/types.js';
import { CONDITION_OPERATORS, MAX_REGEX_LENGTH, RULE_FIELDS } from '../domain/ingest/rules.js';
import { Id, Instant } from './common.js';

/** Event rules (SPEC §4.1): shapes here; meaning (regex safety, field names, action combinations) in domain/ingest/rules.ts. */

const MATCH = ['all', 'any'] as const;
export const DRY_RUN_FORMATS = ['pagerduty', 'alertmanager', 'grafana', 'opsgenie', 'generic'] as const;

export const RuleCondition = z.strictObject({
  field: z
    .string()
    .min(1)
    .max(300)
    .describe(`${RULE_FIELDS.join(', ')}, labels.<name> or details.<dot.path>`),
  operator: z.enum(CONDITION_OPERATORS).describe('gt/gte/lt/lte compare numbers (a non-numeric value does not match); not_equals also holds when the field is absent'),
  value: z
    .union([z.string().max(1000), z.number()])
    .optional()
    .describe(`Absent for exists/not_exists; a number for gt/gte/lt/lte; a pattern of at most ${MAX_REGEX_LENGTH} characters for regex`),
  ignoreCase: z.boolean().optional().describe('Compare strings case-insensitively (default: case-sensitive)'),
});

export const RuleAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('suppress').describe('Keep the alert, page nobody') }),
  z.strictObject({ type: z.literal('drop').describe('Store the event only: no alert, no incident') }),
  z.strictObject({ type: z.literal('set_severity'), severity: z.enum(ALERT_SEVERITIES) }),
  z.strictObject({ type: z.literal('set_priority'), priority: z.enum(PRIORITIES) }),
  z.strictObject({ type: z.literal('set_incident_severity').describe('Severity of an incident the alert opens'), severity: z.enum(SEVERITIES) }),
  z.strictObject({ type: z.literal('set_incident_type'), incidentType: z.enum(INCIDENT_TYPES) }),
  z.strictObject({ type: z.literal('route').describe("Move the event to another service; after a global rule, that service's rules run"), serviceId: Id }),
  z.strictObject({ type: z.literal('add_note'), body: z.string().trim().min(1, 'body is required').max(10_000).describe('Markdown') }),
  z.strictObject({
    type: z.literal('set_dedup_key'),
    template: z.string().min(1).max(500).describe('e.g. "{{labels.job}}:{{source}}"; field names as in conditions, missing values render as ""'),
  }),
]);

const Name = z.string().trim().min(1, 'name is required').max(200);
const Match = z.enum(MATCH).describe('all: every condition must hold; any: one is enough. No conditions match every event');
const StopOnMatch = z.boolean().describe('Stop evaluating this scope after this rule matched (all true: first match; all false: all match)');
const Conditions = z.array(RuleCondition).max(50);
const Actions = z.array(RuleAction).max(20);
const Position = z.number().int().min(1, 'position starts at 1').describe('1 runs first within its scope; past the end means last');

export const EventRule = z
  .object({
    id: Id,
    name: z.string(),
    scope: z.enum(['global', 'service']),
    serviceId: Id.nullable().describe('null for a global rule'),
    position: z.number().int(),
    enabled: z.boolean(),
    match: z.enum(MATCH),
    conditions: z.array(RuleCondition),
    actions: z.array(RuleAction),
    stopOnMatch: z.boolean(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'EventRule' });

export const CreateEventRuleBody = z
  .strictObject({
    name: Name,
    serviceId: Id.optional().describe('The service whose events the rule applies to; absent for a global rule'),
    position: Position.optional().describe('Default: last in its scope; later rules move down'),
    enabled: z.boolean().default(true),
    match: Match.default('all'),
    conditions: Conditions.default([]),
    actions: Actions,
    stopOnMatch: StopOnMatch.default(true),
  })
  .meta({ id: 'CreateEventRule' });

export const UpdateEventRuleBody = z
  .strictObject({
    name: Name.optional(),
    position: Position.optional().describe('Move within the scope; the rules in between shift'),
    enabled: z.boolean().optional(),
    match: Match.optional(),
    conditions: Conditions.optional(),
    actions: Actions.optional(),
    stopOnMatch: StopOnMatch.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'UpdateEventRule' });

export const ListEventRulesQuery = z.strictObject({
  serviceId: Id.optional().describe('Without scope: the global rules and then this service’s, in evaluation order'),
  scope: z.enum(['global', 'service']).optional(),
});

/** An unsaved rule to try in a dry run; its position is its place in the list. */
const DraftRule = z.strictObject({
  name: Name.optional(),
  enabled: z.boolean().default(true),
  match: Match.default('all'),
  conditions: Conditions.default([]),
  actions: Actions,
  stopOnMatch: StopOnMatch.default(true),
});

export const DryRunBody = z
  .strictObject({
    serviceId: Id.describe('The service the payload would arrive on'),
    format: z.enum(DRY_RUN_FORMATS),
    payload: z.unknown().describe('The body the sender would post'),
    rules: z.array(DraftRule).max(100).optional().describe("Unsaved rules to try instead of the service's stored rules"),
    globalRules: z.array(DraftRule).max(100).optional().describe('Unsaved rules to try instead of the stored global rules'),
  })
  .meta({ id: 'EventRuleDryRun' });

const MatchedField = z.object({ field: z.string(), operator: z.enum(CONDITION_OPERATORS), actual: z.string().nullable() });

const DryRunEvent = z.object({
  action: z.enum(['trigger', 'acknowledge', 'resolve']),
  dedupKey: z.string().nullable(),
  summary: z.string(),
  source: z.string().nullable(),
  severity: z.enum(ALERT_SEVERITIES),
  component: z.string().nullable(),
  group: z.string().nullable(),
  class: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  details: z.record(z.string(), z.unknown()),
  occurredAt: z.string(),
});

export const DryRunResult = z
  .object({
    results: z.array(
      z.object({
        event: DryRunEvent.describe('The normalised event, before rules'),
        matched: z.array(
          z.object({
            ruleId: z.string().describe('A stored rule id, or draft-N / global-draft-N for unsaved rules'),
            name: z.string(),
            scope: z.enum(['global', 'service']),
            serviceId: Id.nullable(),
            actions: z.array(RuleAction),
            matchedOn: z.array(MatchedField),
          }),
        ),
        outcome: z.enum(['dropped', 'suppressed', 'alert']),
        serviceId: Id.describe('After routing'),
        severity: z.enum(ALERT_SEVERITIES),
        dedupKey: z.string().nullable().describe('null: the pipeline would generate one'),
        priority: z.enum(PRIORITIES).nullable(),
        incidentSeverity: z.enum(SEVERITIES).nullable(),
        incidentType: z.enum(INCIDENT_TYPES).nullable(),
        notes: z.array(z.object({ ruleId: z.string(), body: z.string() })),
        routes: z.array(z.object({ ruleId: z.string(), scope: z.enum(['global', 'service']), from: Id, to: Id, targetRulesEvaluated: z.boolean() })),
        openAlert: z
          .object({ id: Id, status: z.string(), incidentId: Id.nullable() })
          .nullable()
          .describe('The open alert with this dedup key on the final service, which this event would update'),
      }),
    ),
  })
  .meta({ id: 'EventRuleDryRunResult' });
