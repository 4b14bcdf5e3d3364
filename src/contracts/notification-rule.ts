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
