import { z } from 'zod';
import { Id, Instant, Limit } from './common.js';
import { IncidentStatus, IncidentType, Visibility } from './incident.js';

/**
 * The employee intake portal (SPEC §4.5, 問い合わせ窓口): a structured report from `/help` becomes an
 * `inquiry` incident; triage escalates it with PATCH /api/v1/incidents/{id} { type }.
 */

export const AFFECTED_WHO = ['just_me', 'my_team', 'several_teams', 'everyone', 'customers'] as const;
export const DEVICE_KINDS = ['pc', 'mac', 'smartphone', 'tablet', 'other'] as const;
export const SECURITY_ANSWERS = ['yes', 'no', 'unsure'] as const;
/** The security questions, in the order the form asks them. Any "yes" flags the report. */
export const SECURITY_QUESTIONS = ['suspiciousEmailOpened', 'unusualDeviceBehaviour', 'unexpectedLoginNotice'] as const;
export type SecurityQuestion = (typeof SECURITY_QUESTIONS)[number];

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => {
  const list = values.map((v) => `"${v}"`).join(', ');
  return z.enum(values, { error: (i) => (i.input === undefined ? `is required: one of ${list}` : `must be one of ${list}`) });
};

const SecurityAnswer = oneOf(SECURITY_ANSWERS);

const answersShape = {
  summary: z.string().trim().min(1, 'summary is required: say in one line what is wrong').max(500, 'summary is at most 500 characters'),
  startedAt: Instant.optional().describe('When it started (may be earlier than the report; not in the future)'),
  affected: z.strictObject({
    who: oneOf(AFFECTED_WHO),
    count: z.number().int().min(1, 'count must be at least 1').max(10_000_000).optional().describe('About how many people'),
  }),
  scope: z.string().max(2000, 'scope is at most 2,000 characters').optional().describe('Which systems, sites or offices'),
  cannotDo: z.string().trim().min(1, 'cannotDo is required: say what you cannot do').max(4000, 'cannotDo is at most 4,000 characters'),
  device: z
    .strictObject({ kind: oneOf(DEVICE_KINDS), details: z.string().max(500, 'device details are at most 500 characters').optional() })
    .optional(),
  serviceId: Id.optional().describe('The affected service, when the reporter knows it'),
  security: z.strictObject({
    suspiciousEmailOpened: SecurityAnswer.describe('Opened a suspicious e-mail, link or attachment'),
    unusualDeviceBehaviour: SecurityAnswer.describe('The device behaves unusually (pop-ups, slowness, files changed)'),
    unexpectedLoginNotice: SecurityAnswer.describe('Received a login or password-change notice they did not expect'),
  }),
  details: z.string().max(10_000, 'details are at most 10,000 characters').optional(),
};

export const CreateIntakeReportBody = z.strictObject(answersShape).meta({ id: 'CreateIntakeReport' });
/** The answers as stored and shown (the request body, normalised). */
export const IntakeAnswers = z.object(answersShape).meta({ id: 'IntakeAnswers' });

export const IntakeReport = z
  .object({
    id: Id,
    incidentId: Id,
    incident: z.object({
      id: Id,
      number: z.number().int(),
      reference: z.string(),
      title: z.string(),
      type: IncidentType.describe('inquiry until triage escalates it'),
      status: IncidentStatus,
      visibility: Visibility,
    }),
    reporter: z.object({ id: Id, name: z.string() }).nullable().describe('null when the account was deleted'),
    answers: IntakeAnswers,
    securityFlag: z.boolean().describe('A security question was answered yes: the security team should look'),
    securityConcerns: z.array(z.enum(SECURITY_QUESTIONS)).describe('The security questions answered yes'),
    createdAt: Instant,
  })
  .meta({ id: 'IntakeReport' });

export const CreatedIntakeReport = z
  .object({
    report: IntakeReport,
    incident: z.object({ id: Id, number: z.number().int(), reference: z.string().describe('e.g. INC-123') }),
  })
  .meta({ id: 'CreatedIntakeReport' });

export const ListIntakeReportsQuery = z.strictObject({
  flagged: z.enum(['true', 'false'], { error: 'flagged must be "true" or "false"' }).optional().describe('true: only reports flagged for the security team'),
  cursor: z.string().max(500).optional(),
  limit: Limit,
});
