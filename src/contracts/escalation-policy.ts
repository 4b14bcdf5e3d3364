import { z } from 'zod';
import { MAX_DELAY_MINUTES, MAX_LEVELS, MAX_REPEAT, TARGET_TYPES } from '../domain/escalation/policy.js';
import { Id, Instant } from './common.js';

/** Escalation policies (SPEC §3): shapes here, meaning in domain/escalation/policy.ts. */

export const EscalationTarget = z.strictObject({
  type: z.enum(TARGET_TYPES),
  id: Id.describe('A user id, or a schedule id (whoever is on call when the level is paged)'),
});

export const EscalationLevel = z.strictObject({
  delayMinutes: z
    .number()
    .int('delayMinutes must be a whole number of minutes')
    .min(1, 'delayMinutes must be at least 1')
    .max(MAX_DELAY_MINUTES, `delayMinutes must be at most ${MAX_DELAY_MINUTES} (a week)`)
    .describe('How long this level waits for an acknowledgement before the next level is paged'),
  targets: z.array(EscalationTarget).min(1, 'a level needs at least one target').max(20),
});

const Name = z.string().trim().min(1, 'name is required').max(200);
const Repeat = z
  .number()
  .int()
  .min(0, 'repeat must be between 0 and 9')
  .max(MAX_REPEAT, `repeat must be between 0 and ${MAX_REPEAT}`)
  .describe('How many more times the whole policy runs after the first pass');
const AckTimeout = z
  .number()
  .int()
  .min(1, 'ackTimeoutMinutes must be at least 1')
  .max(MAX_DELAY_MINUTES, `ackTimeoutMinutes must be at most ${MAX_DELAY_MINUTES} (a week)`)
  .nullable()
  .describe('An acknowledged incident not resolved within this many minutes is triggered again and its level re-paged; null: never');
const Levels = z
  .array(EscalationLevel)
  .min(1, 'a policy needs at least one level; level 1 is paged at once')
  .max(MAX_LEVELS, `at most ${MAX_LEVELS} levels`);

export const EscalationPolicy = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string(),
    repeat: z.number().int(),
    levels: z.array(
      z.object({
        delayMinutes: z.number().int(),
        targets: z.array(z.object({ type: z.enum(TARGET_TYPES), id: z.string(), name: z.string().nullable().describe('null when the target no longer exists') })),
      }),
    ),
    ackTimeoutMinutes: z.number().int().nullable(),
    serviceIds: z.array(z.string()).describe('Services that page through this policy'),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'EscalationPolicy' });

export const CreateEscalationPolicyBody = z.strictObject({
  name: Name,
  description: z.string().max(10_000).optional(),
  repeat: Repeat.default(0),
  levels: Levels,
  ackTimeoutMinutes: AckTimeout.optional(),
});

export const UpdateEscalationPolicyBody = z.strictObject({
  name: Name.optional(),
  description: z.string().max(10_000).optional(),
  repeat: Repeat.optional(),
  levels: Levels.optional(),
  ackTimeoutMinutes: AckTimeout.optional(),
});
