import { z } from 'zod';
import { Id, Instant } from './common.js';

/** Personal notification rules (SPEC §4.4): "email at once, SMS after 2 minutes", per urgency. */

export const URGENCIES = ['high', 'low'] as const;
export const MAX_RULE_DELAY_MINUTES = 24 * 60;

export const NotificationRule = z
  .object({
    id: Id,
    userId: Id,
    urgency: z.enum(URGENCIES),
    contactMethodId: Id,
    contactMethod: z.object({ type: z.string(), address: z.string(), label: z.string() }),
    delayMinutes: z.number().int(),
    createdAt: Instant,
  })
  .meta({ id: 'NotificationRule' });

export const CreateNotificationRuleBody = z.strictObject({
  urgency: z.enum(URGENCIES).describe('high: incidents of urgency 1–2; low: urgency 3'),
  contactMethodId: Id.describe('One of this person’s contact methods'),
  delayMinutes: z
    .number()
    .int('delayMinutes must be a whole number of minutes')
    .min(0, 'delayMinutes must be 0 (at once) or more')
    .max(MAX_RULE_DELAY_MINUTES, `delayMinutes must be at most ${MAX_RULE_DELAY_MINUTES} (a day)`)
    .describe('Minutes after being paged; 0 means at once'),
});

export const NotificationRuleParams = z.strictObject({ id: Id, ruleId: Id });

/** Readiness lint (edge cases 18 and 56); the rules are in domain/escalation/readiness.ts. */
export const ReadinessWarning = z
  .object({
    code: z
      .enum(['no_contact_method', 'default_rules', 'no_high_urgency_rule', 'rule_unreachable', 'on_escalation_path_without_high_rule'])
      .describe(
        'no_contact_method: paging reaches nobody. default_rules (info): no rules, every contact method at once. no_high_urgency_rule: rules but none for high urgency. ' +
          'rule_unreachable: a rule fires at or after the moment a level that pages the person hands over to the next level. ' +
          'on_escalation_path_without_high_rule: an escalation policy pages the person (directly or through a schedule) and they have no high-urgency rule',
      ),
    severity: z.enum(['warning', 'info']),
    message: z.string(),
    user: z.object({ id: Id, name: z.string() }).optional().describe('Whose warning it is (schedule reports)'),
    policy: z.object({ id: Id, name: z.string() }).optional(),
    level: z.number().int().optional().describe('1-based level of the policy'),
    levelDelayMinutes: z.number().int().optional().describe('When that level hands over to the next'),
    rule: z
      .object({ id: Id, urgency: z.string(), contactMethodId: Id, channel: z.string().nullable(), delayMinutes: z.number().int() })
      .optional()
      .describe('The personal rule concerned'),
    policies: z
      .array(z.object({ id: Id, name: z.string(), levels: z.array(z.number().int()) }))
      .optional()
      .describe('The escalation policies (and their levels) that page the person'),
  })
  .meta({ id: 'ReadinessWarning' });

export const NotificationReadiness = z.object({ warnings: z.array(ReadinessWarning) }).meta({ id: 'NotificationReadiness' });

export const ScheduleReadiness = z
  .object({
    schedule: z.object({ id: Id, name: z.string() }),
    members: z
      .array(z.object({ id: Id, name: z.string(), contactMethods: z.number().int(), highUrgencyRules: z.number().int() }))
      .describe('Current and future members: member lists in force now or later, and people overrides put on call from now on'),
    warnings: z.array(ReadinessWarning),
  })
  .meta({ id: 'ScheduleReadiness' });
