import { z } from 'zod';
import { Id, Instant } from './common.js';
import { Email, Locale } from './user.js';

/**
 * Stakeholder updates (SPEC §4.5): internal audiences (executives, support, the whole company) and
 * the e-mails sent to them from an incident, in Japanese or English.
 */

export const AUDIENCE_KINDS = ['executives', 'support', 'all_employees', 'custom'] as const;
export const STAKEHOLDER_FORMATS = ['executive', 'standard'] as const;

const AudienceName = z.string().trim().min(1, 'name is required').max(200, 'name is at most 200 characters');
const UserIds = z.array(Id).max(1000, 'at most 1,000 users per audience');
const Emails = z.array(Email).max(1000, 'at most 1,000 extra addresses per audience');

export const StakeholderAudience = z
  .object({
    id: Id,
    name: z.string(),
    kind: z.enum(AUDIENCE_KINDS),
    language: Locale.describe('Language its e-mails are written in'),
    allUsers: z.boolean().describe('Every active user receives it (the whole company)'),
    userIds: z.array(Id),
    emails: z.array(z.string()),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'StakeholderAudience' });

export const CreateStakeholderAudienceBody = z
  .strictObject({
    name: AudienceName,
    kind: z.enum(AUDIENCE_KINDS),
    language: Locale,
    allUsers: z.boolean().optional().describe('Default: true for all_employees, false otherwise'),
    userIds: UserIds.optional().describe('Users whose e-mail receives it (disabled users are skipped when sending)'),
    emails: Emails.optional().describe('Extra addresses, e.g. a mailing list'),
  })
  .meta({ id: 'CreateStakeholderAudience' });

export const UpdateStakeholderAudienceBody = z
  .strictObject({
    name: AudienceName.optional(),
    kind: z.enum(AUDIENCE_KINDS).optional(),
    language: Locale.optional(),
    allUsers: z.boolean().optional(),
    userIds: UserIds.optional(),
    emails: Emails.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'UpdateStakeholderAudience' });

export const SendStakeholderUpdateBody = z
  .strictObject({
    audienceIds: z.array(Id).min(1, 'choose at least one audience').max(50, 'at most 50 audiences'),
    format: z.enum(STAKEHOLDER_FORMATS).describe('executive: a short summary (impact, status, next update); standard: adds the message and recent facts'),
    message: z.string().trim().max(10_000, 'message is at most 10,000 characters').optional(),
    impact: z.string().trim().max(2000, 'impact is at most 2,000 characters').optional().describe("Default: from the incident's impact assessment"),
    status: z.string().trim().max(2000, 'status is at most 2,000 characters').optional().describe("Default: from the incident's status and its latest status-page update"),
    nextUpdateAt: Instant.optional().describe('When the next update will be sent (in the future)'),
    language: Locale.optional().describe("Write every e-mail in this language instead of each audience's own"),
  })
  .meta({ id: 'SendStakeholderUpdate' });

export const StakeholderDelivery = z
  .object({
    delivered: z.number().int(),
    pending: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int(),
  })
  .meta({ id: 'StakeholderDelivery' });

export const StakeholderUpdate = z
  .object({
    id: Id,
    incidentId: Id,
    sequence: z.number().int().describe('1 for the first update of this incident (第1報), 2 for the second …'),
    format: z.enum(STAKEHOLDER_FORMATS),
    language: Locale.describe('Language of the stored subject and body (the first audience’s, or the one requested)'),
    audiences: z.array(z.object({ id: Id, name: z.string().nullable().describe('null once the audience was deleted') })),
    subject: z.string(),
    body: z.string().describe('The plain-text e-mail as sent in `language`'),
    impact: z.string(),
    status: z.string(),
    nextUpdateAt: Instant.nullable(),
    recipientCount: z.number().int(),
    createdById: Id.nullable(),
    createdAt: Instant,
    delivery: StakeholderDelivery,
  })
  .meta({ id: 'StakeholderUpdate' });

export const StakeholderUpdatePreview = z
  .object({
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    recipients: z.number().int().describe('Distinct addresses it would be sent to'),
    messages: z
      .array(z.object({ language: Locale, subject: z.string(), text: z.string(), html: z.string(), recipients: z.number().int() }))
      .describe('One rendering per language in use (the first is the one above)'),
  })
  .meta({ id: 'StakeholderUpdatePreview' });
