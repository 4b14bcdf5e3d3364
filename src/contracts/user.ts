import { z } from 'zod';
import { CONTACT_TYPES, canonicalTimeZone, contactAddressProblem, isCommonPassword, PASSWORD_MAX, PASSWORD_MIN } from '../domain/access/credentials.js';
import { ROLES, SCOPES } from '../domain/access/permissions.js';
import { Id, Instant, Limit } from './common.js';

export const RoleSchema = z.enum(ROLES);
export const ScopeSchema = z.enum(SCOPES);
export const LOCALES = ['ja', 'en'] as const;
export const Locale = z.enum(LOCALES);

/** An e-mail address, trimmed and lower-cased (people log in with it, case-insensitively). */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ message: 'must be an e-mail address such as kenji@example.com' }));

/** An IANA time-zone name, stored in its canonical spelling. */
export const TimeZone = z
  .string()
  .max(100)
  .refine((s) => canonicalTimeZone(s) !== null, { error: (i) => `"${String(i.input)}" is not an IANA time zone; use a name such as Asia/Tokyo or UTC` })
  .overwrite((s) => canonicalTimeZone(s) ?? s);

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const LocalTime = z.string().regex(HHMM, 'must be a local time HH:MM (24 h), such as 22:00');

/** A daily window in the person's own time zone in which low-urgency pages wait (edge case 6). */
export const QuietHours = z
  .strictObject({
    start: LocalTime.describe('Local start, HH:MM in the person’s timeZone'),
    end: LocalTime.describe('Local end (exclusive); an end before the start crosses midnight, e.g. 22:00–07:00'),
  })
  .refine((q) => q.start !== q.end, { message: 'start and end must differ (22:00–07:00 crosses midnight); send null for no quiet hours' })
  .describe('Low-urgency pages due inside this window wait for its end; high-urgency pages are never held')
  .meta({ id: 'QuietHours' });

export const Password = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`)
  .refine((p) => !isCommonPassword(p), 'is one of the most common passwords; choose a longer, less guessable one');

export const User = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    timeZone: z.string(),
    locale: Locale,
    disabled: z.boolean(),
    disabledAt: Instant.nullable(),
    hasPassword: z.boolean().describe('Whether the person can log in with a password'),
    quietHours: QuietHours.nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'User' });

export const CreateUserBody = z
  .strictObject({
    name: z.string().trim().min(1, 'name is required').max(200),
    email: Email,
    role: RoleSchema,
    timeZone: TimeZone.optional().describe('IANA zone, default UTC'),
    locale: Locale.optional().describe('Default en'),
    password: Password.optional().describe('Omit for accounts that only use API tokens or single sign-on'),
  })
  .meta({ id: 'CreateUser' });

export const UpdateUserBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    role: RoleSchema.optional(),
    timeZone: TimeZone.optional(),
    locale: Locale.optional(),
    password: Password.optional(),
    currentPassword: z.string().max(1024).optional().describe('Required when a logged-in person changes their own password'),
    disabled: z.boolean().optional().describe('Disabled people cannot log in; their sessions end and tokens stop working'),
    quietHours: QuietHours.nullable().optional().describe('null removes them'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'UpdateUser' });

export const ListUsersQuery = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Part of a name or e-mail address'),
  role: RoleSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: Limit,
});

export const ApiToken = z
  .object({
    id: Id,
    userId: Id,
    name: z.string(),
    prefix: z.string().describe('The first characters of the token, to recognise it'),
    scopes: z.array(ScopeSchema),
    createdAt: Instant,
    lastUsedAt: Instant.nullable(),
    expiresAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: 'ApiToken' });

export const CreatedApiToken = z
  .object({
    id: Id,
    name: z.string(),
    token: z.string().describe('The token itself; shown only in this answer'),
    prefix: z.string(),
    scopes: z.array(ScopeSchema),
    createdAt: Instant,
    expiresAt: Instant.nullable(),
  })
  .meta({ id: 'CreatedApiToken' });

export const CreateTokenBody = z
  .strictObject({
    name: z.string().trim().min(1, 'name is required').max(200),
    scopes: z.array(ScopeSchema).min(1, 'give at least one scope').max(SCOPES.length).optional().describe("Default: every scope the user's role allows"),
    expiresAt: Instant.optional().describe('Default: never'),
  })
  .meta({ id: 'CreateApiToken' });

export const TokenParams = z.strictObject({ id: Id, tokenId: Id });

export const ContactType = z.enum(CONTACT_TYPES);

export const ContactMethod = z
  .object({ id: Id, userId: Id, type: ContactType, address: z.string(), label: z.string(), createdAt: Instant })
  .meta({ id: 'ContactMethod' });

export const CreateContactMethodBody = z
  .strictObject({
    type: ContactType,
    address: z.string().trim().min(1, 'address is required').max(2000),
    label: z.string().trim().max(200).optional(),
  })
  .superRefine((b, c) => {
    const problem = contactAddressProblem(b.type, b.address);
    if (problem) c.addIssue({ code: 'custom', path: ['address'], message: problem });
  })
  .meta({ id: 'CreateContactMethod' });

export const ContactMethodParams = z.strictObject({ id: Id, contactMethodId: Id });
