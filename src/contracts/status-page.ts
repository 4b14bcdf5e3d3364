import { z } from 'zod';
import { COMPONENT_STATUSES, INCIDENT_UPDATE_STATUSES } from '../domain/status/types.js';
import { Id, Instant } from './common.js';
import { Locale, TimeZone } from './user.js';

/** Status pages (SPEC §3, §4.5): pages, components, and updates posted from incidents. */

export const STATUS_PAGE_VISIBILITIES = ['public', 'internal'] as const;

const Slug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be 1–63 lower-case letters, digits and hyphens, not starting or ending with a hyphen, such as "acme"');
const Hostname = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/, 'must be a host name such as status.example.com (no scheme, port or path)');
const Name = z.string().trim().min(1, 'name is required').max(200, 'name is at most 200 characters');
const Description = z.string().max(2000, 'description is at most 2,000 characters');

export const StatusPage = z
  .object({
    id: Id,
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    visibility: z.enum(STATUS_PAGE_VISIBILITIES),
    language: Locale,
    timeZone: z.string(),
    hostname: z.string().nullable(),
    url: z.string().describe('Where people read it: HIKESHI_PUBLIC_URL/status/{slug}, or https://{hostname}/ when bound to a custom domain'),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'StatusPage' });

export const CreateStatusPageBody = z
  .strictObject({
    slug: Slug,
    name: Name,
    description: Description.optional(),
    visibility: z.enum(STATUS_PAGE_VISIBILITIES).describe('public: anyone; internal: signed-in people only'),
    language: Locale.optional().describe('Language of the page, its feeds and its subscriber e-mails; default en'),
    timeZone: TimeZone.optional().describe('IANA zone the page shows times and buckets uptime days in; default UTC'),
    hostname: Hostname.nullable().optional().describe('Custom domain: requests with this Host get the page at / and its JSON at /api/v2/…'),
  })
  .meta({ id: 'CreateStatusPage' });

export const UpdateStatusPageBody = z
  .strictObject({
    name: Name.optional(),
    description: Description.optional(),
    visibility: z.enum(STATUS_PAGE_VISIBILITIES).optional(),
    language: Locale.optional(),
    timeZone: TimeZone.optional(),
    hostname: Hostname.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'UpdateStatusPage' });

export const StatusComponent = z
  .object({
    id: Id,
    pageId: Id,
    name: z.string(),
    description: z.string(),
    group: z.string().nullable().describe('Name of the group it is shown in'),
    groupId: Id.nullable(),
    serviceId: Id.nullable().describe('Incidents on this service, posted to the page, set its status'),
    position: z.number().int(),
    manualStatus: z.enum(COMPONENT_STATUSES).nullable().describe('Set by hand: overrides incidents and maintenance while set'),
    status: z.enum(COMPONENT_STATUSES).describe('What the page shows now'),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'StatusComponent' });

export const CreateStatusComponentBody = z
  .strictObject({
    name: Name,
    description: Description.optional(),
    group: Name.optional().describe('Group name: created on first use, shared by the components that name it'),
    serviceId: Id.optional(),
    position: z.number().int().min(0).max(10_000).optional().describe('Order on the page; default: last'),
  })
  .meta({ id: 'CreateStatusComponent' });

export const UpdateStatusComponentBody = z
  .strictObject({
    name: Name.optional(),
    description: Description.optional(),
    group: Name.nullable().optional().describe('null: take it out of its group'),
    serviceId: Id.nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    manualStatus: z.enum(COMPONENT_STATUSES).nullable().optional().describe('null: back to automatic (incidents and maintenance)'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'UpdateStatusComponent' });

export const ComponentParams = z.strictObject({ id: Id, componentId: Id });

export const StatusUpdate = z
  .object({
    id: Id,
    status: z.enum(INCIDENT_UPDATE_STATUSES),
    message: z.string(),
    createdAt: Instant,
    createdBy: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  })
  .meta({ id: 'StatusUpdate' });

export const PostedIncident = z
  .object({
    id: Id.describe('The page incident (its id in the page’s JSON API)'),
    pageId: Id,
    pageSlug: z.string(),
    pageName: z.string(),
    incidentId: Id,
    title: z.string().describe('The public name'),
    status: z.enum(INCIDENT_UPDATE_STATUSES).describe('Status of the latest update'),
    impact: z.enum(['none', 'minor', 'major', 'critical']),
    updates: z.array(StatusUpdate).describe('Newest first'),
    createdAt: Instant,
    updatedAt: Instant,
    resolvedAt: Instant.nullable(),
  })
  .meta({ id: 'PostedIncident' });

export const CreateStatusUpdateBody = z
  .strictObject({
    statusPageId: Id,
    status: z.enum(INCIDENT_UPDATE_STATUSES),
    message: z.string().trim().min(1, 'message is required').max(10_000, 'message is at most 10,000 characters'),
    title: Name.optional().describe('The public name; default: the incident’s title (set once, on the first update, or changed by a later one)'),
  })
  .meta({ id: 'CreateStatusUpdate' });
