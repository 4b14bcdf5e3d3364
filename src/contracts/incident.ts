import { z } from 'zod';
import { INCIDENT_STATUSES, INCIDENT_TYPES, PRIORITIES, SEVERITIES, VISIBILITIES } from '../domain/incident/types.js';
import { ActorRef, Id, Instant, Limit } from './common.js';

export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export const IncidentType = z.enum(INCIDENT_TYPES);
export const Severity = z.enum(SEVERITIES);
export const Priority = z.enum(PRIORITIES);
export const Visibility = z.enum(VISIBILITIES);
export const LevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 1, 2 or 3 (1 is highest)' });

/** Seed 000's impact-assessment questions. */
export const Assessment = z
  .strictObject({
    scope: z.enum(['internal', 'external', 'both']).optional().describe('Who is affected: employees, customers, or both'),
    customerExperience: z.string().max(2000).optional().describe('What customers experience'),
    customersAffected: z.enum(['none', 'some', 'all', 'unknown']).optional(),
    customerCount: z.number().int().min(0).optional().describe('How many customers, when known'),
    supportCases: z.number().int().min(0).optional().describe('Open support cases about this'),
    socialMedia: z.boolean().optional().describe('Discussed on social media'),
    securityImpact: z.boolean().optional().describe('Security may be affected'),
    dataLoss: z.boolean().optional().describe('Data may have been lost'),
    notes: z.string().max(4000).optional().describe('Other factors'),
  })
  .meta({ id: 'ImpactAssessment' });

const CoordinationUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL (Slack channel, Teams or Zoom link)' })
  .max(2000);

export const Incident = z
  .object({
    id: Id,
    number: z.number().int(),
    reference: z.string().describe('The human number, e.g. INC-123'),
    title: z.string(),
    description: z.string(),
    status: IncidentStatus,
    type: IncidentType,
    severity: Severity,
    impact: LevelSchema,
    urgency: LevelSchema,
    priority: Priority,
    serviceId: Id.nullable(),
    impactedServiceIds: z.array(Id),
    visibility: Visibility,
    assessment: Assessment,
    coordinationUrl: z.string().nullable(),
    alertCount: z.number().int(),
    mergedIntoId: Id.nullable(),
    roles: z.record(z.string(), z.object({ userId: Id, name: z.string(), assignedAt: Instant })),
    createdBy: ActorRef,
    startedAt: Instant,
    createdAt: Instant,
    updatedAt: Instant,
    acknowledgedAt: Instant.nullable(),
    resolvedAt: Instant.nullable(),
    closedAt: Instant.nullable(),
  })
  .meta({ id: 'Incident' });

export const DeclareIncidentBody = z
  .strictObject({
    title: z.string().trim().min(1, 'title is required').max(500),
    description: z.string().max(20000).optional(),
    type: IncidentType.default('outage'),
    severity: Severity.optional().describe('Derived from priority when absent (P1→SEV1 … P4/P5→SEV4)'),
    impact: LevelSchema.optional().describe('Derived from assessment.customersAffected when absent, else 2'),
    urgency: LevelSchema.optional().describe('Default 2'),
    serviceId: Id.optional(),
    impactedServiceIds: z.array(Id).max(50).optional(),
    visibility: Visibility.optional().describe('Default: restricted for security incidents, public otherwise'),
    startedAt: Instant.optional().describe('When the impact began; may precede the declaration'),
    assessment: Assessment.optional(),
    coordinationUrl: CoordinationUrl.optional(),
    commanderId: Id.optional().describe('Assign the Incident Commander at once'),
  })
  .meta({ id: 'DeclareIncident' });

export const UpdateIncidentBody = z
  .strictObject({
    title: z.string().trim().min(1).max(500).optional(),
    description: z.string().max(20000).optional(),
    type: IncidentType.optional(),
    severity: Severity.optional(),
    impact: LevelSchema.optional(),
    urgency: LevelSchema.optional(),
    serviceId: Id.nullable().optional(),
    impactedServiceIds: z.array(Id).max(50).optional(),
    visibility: Visibility.optional(),
    startedAt: Instant.optional(),
    assessment: Assessment.optional(),
    coordinationUrl: CoordinationUrl.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'UpdateIncident' });

export const ListIncidentsQuery = z.strictObject({
  status: z
    .string()
    .optional()
    .describe('One status or a comma-separated list; `open` means triggered,acknowledged'),
  serviceId: Id.optional(),
  type: IncidentType.optional(),
  severity: Severity.optional(),
  priority: Priority.optional(),
  visibility: Visibility.optional(),
  q: z.string().trim().max(200).optional().describe('Text in title or description (substring; works for Japanese), or INC-123'),
  updatedSince: Instant.optional().describe('Only incidents changed at or after this instant (incremental export)'),
  cursor: z.string().max(500).optional(),
  limit: Limit,
});

export const LifecycleBody = z.strictObject({ message: z.string().max(4000).optional() }).nullish().describe("Optional; may be omitted");

export const MergeBody = z.strictObject({
  targetIncidentId: Id.describe('The incident that absorbs this one (its alerts and participants move there)'),
});

export const EscalateBody = z
  .strictObject({ level: z.number().int().min(1).max(20).optional().describe('Escalation level to jump to; next level when absent') })
  .nullish();

export const TimelineEntry = z
  .object({
    id: Id,
    incidentId: Id,
    at: Instant,
    action: z.string(),
    actor: ActorRef,
    data: z.record(z.string(), z.unknown()),
    pinned: z.boolean(),
  })
  .meta({ id: 'TimelineEntry' });

export const NoteBody = z.strictObject({
  body: z.string().trim().min(1, 'body is required').max(50000).describe('Markdown; rendered and sanitised'),
  pinned: z.boolean().optional(),
});

export const PinBody = z.strictObject({ pinned: z.boolean() });

export const TimelineQuery = z.strictObject({ cursor: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(1000).default(500) });
