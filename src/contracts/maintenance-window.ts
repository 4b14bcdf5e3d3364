import { z } from 'zod';
import { FREQUENCIES, MAX_WINDOW_MINUTES, WEEKDAYS } from '../domain/ingest/maintenance.js';
import { Id, Instant, Limit } from './common.js';
import { TimeZone } from './user.js';

/** Maintenance windows (SPEC §4.1): shapes here; meaning (DST, impossible windows) in domain/ingest/maintenance.ts. */

export const MAINTENANCE_STATES = ['active', 'upcoming', 'past'] as const;

export const MaintenanceRecurrence = z
  .strictObject({
    frequency: z.enum(FREQUENCIES),
    interval: z.number().int().min(1, 'interval runs 1 to 100').max(100, 'interval runs 1 to 100').optional().describe('Every N days, weeks or months; default 1'),
    daysOfWeek: z.array(z.enum(WEEKDAYS)).min(1, 'name at least one weekday').max(7).optional().describe('Weekly only; default: the local weekday of startsAt'),
    dayOfMonth: z.number().int().min(1, 'dayOfMonth runs 1 to 31').max(31, 'dayOfMonth runs 1 to 31').optional().describe('Monthly only; months without this day are skipped. Default: the local day of startsAt'),
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM such as 02:30').describe('Local start time in timeZone. A time skipped by DST moves forward by the gap; a time that occurs twice means the earlier one'),
    durationMinutes: z
      .number()
      .int()
      .min(1, 'a window lasts at least 1 minute')
      .max(MAX_WINDOW_MINUTES, 'a window lasts at most 31 days')
      .describe('Wall-clock length: 01:30 for 120 minutes ends at 03:30 local, even across a DST change. At most the gap between two starts'),
    until: z.iso.date({ message: 'must be a date YYYY-MM-DD' }).optional().describe('Last local date a slot may start on; absent: repeats forever'),
  })
  .meta({ id: 'MaintenanceRecurrence' });

const Occurrence = z.object({ start: Instant, end: Instant }).meta({ id: 'MaintenanceOccurrence' });

export const MaintenanceWindow = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string(),
    timeZone: z.string(),
    serviceIds: z.array(Id).describe('Services whose paging the window suppresses'),
    statusPageIds: z.array(Id).describe('Status pages that show it as scheduled maintenance'),
    startsAt: Instant.describe('One-off: its start. Recurring: when the recurrence begins'),
    endsAt: Instant.nullable().describe('One-off: its end. Recurring: the end of its last occurrence, null when it repeats forever'),
    recurrence: MaintenanceRecurrence.nullable().describe('null for a one-off window; defaults filled in'),
    state: z.enum(MAINTENANCE_STATES),
    active: z.boolean().describe('An occurrence is running now'),
    currentOccurrence: Occurrence.nullable(),
    nextOccurrence: Occurrence.nullable().describe('The next occurrence that has not started'),
    createdById: z.string().nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'MaintenanceWindow' });

const Name = z.string().trim().min(1, 'name is required').max(200);
const Description = z.string().max(5000);
const ServiceIds = z.array(Id).min(1, 'name at least one service').max(500);
const StatusPageIds = z.array(Id).max(50);
const StartsAt = Instant.describe('One-off: when it starts. Recurring: when the recurrence begins; the first slot starts at or after it');

export const CreateMaintenanceWindowBody = z
  .strictObject({
    name: Name,
    description: Description.optional(),
    timeZone: TimeZone.describe('IANA time zone of the recurrence and of how the window is shown, e.g. Asia/Tokyo'),
    serviceIds: ServiceIds,
    statusPageIds: StatusPageIds.optional().describe('Status pages to show it on (default none): components linked to its services show under_maintenance while it runs'),
    startsAt: StartsAt,
    endsAt: Instant.optional().describe('One-off windows: when it ends (at most 31 days after startsAt)'),
    recurrence: MaintenanceRecurrence.optional().describe('Recurring windows (then leave endsAt out)'),
  })
  .meta({ id: 'CreateMaintenanceWindow' });

export const UpdateMaintenanceWindowBody = z
  .strictObject({
    name: Name.optional(),
    description: Description.optional(),
    timeZone: TimeZone.optional(),
    serviceIds: ServiceIds.optional().describe('Replaces the list'),
    statusPageIds: StatusPageIds.optional().describe('Replaces the list'),
    startsAt: StartsAt.optional(),
    endsAt: Instant.nullable().optional(),
    recurrence: MaintenanceRecurrence.nullable().optional().describe('Replaces the rule; null makes the window one-off (send endsAt)'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'UpdateMaintenanceWindow' });

export const ListMaintenanceWindowsQuery = z.strictObject({
  serviceId: Id.optional(),
  state: z.enum(MAINTENANCE_STATES).optional().describe('active: running now; upcoming: not running, will run; past: will not run again'),
  cursor: z.string().max(500).optional(),
  limit: Limit,
});
