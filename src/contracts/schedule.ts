import { z } from 'zod';
import { MAX_ROTATION_LENGTH, ROTATION_UNITS, WEEKDAYS } from '../domain/schedule/types.js';
import { Id, Instant } from './common.js';
import { TimeZone } from './user.js';

/**
 * On-call schedules (SPEC §3, §4.3): shapes here; meaning (DST, a layer that ends before it starts,
 * overlapping overrides) in domain/schedule/validate.ts, the maths in domain/schedule/final.ts.
 */

/** The longest range one shifts/gaps/overrides request may cover. */
export const MAX_RANGE_DAYS = 366;
export const MAX_LAYERS = 20;
export const MAX_MEMBERS = 100;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const LocalTime = z.string().regex(HHMM, 'must be a local time HH:MM (24 h), such as 09:00');

export const Rotation = z
  .strictObject({
    unit: z.enum(ROTATION_UNITS).describe('hour, day or week'),
    length: z
      .number()
      .int('length must be a whole number of units')
      .min(1, 'length must be at least 1 unit per shift')
      .max(MAX_ROTATION_LENGTH, `length must be at most ${MAX_ROTATION_LENGTH} units; use a larger unit`)
      .describe('Units per shift (a 12-hour rotation: unit hour, length 12)'),
    handoffTime: LocalTime.describe('Local wall-clock time of every handoff in the schedule’s zone, HH:MM. A daily 09:00 handoff stays at 09:00 local across DST'),
    startDate: z.iso.date({ message: 'must be a date YYYY-MM-DD, such as 2026-03-02' }).describe('Local date of the first handoff; members[0] is on call from it'),
  })
  .meta({ id: 'Rotation' });

export const Restriction = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('daily'),
      start: LocalTime.describe('Local start of the active window'),
      end: LocalTime.describe('Local end; an end not after the start crosses midnight'),
    }),
    z.strictObject({
      kind: z.literal('weekly'),
      startDay: z.enum(WEEKDAYS),
      start: LocalTime,
      endDay: z.enum(WEEKDAYS),
      end: LocalTime.describe('An end not after the start crosses the end of the week'),
    }),
  ])
  .describe('An active window in the schedule’s zone; a restricted layer has someone only inside its windows, and its rotation advances only over them')
  .meta({ id: 'ScheduleRestriction' });

const Name = z.string().trim().min(1, 'name is required').max(200);
const Members = z
  .array(Id)
  .min(1, 'a layer needs at least one member; end the layer (end) or remove it to leave it empty')
  .max(MAX_MEMBERS, `at most ${MAX_MEMBERS} members per layer`)
  .describe('User ids in rotation order; members[0] is on call from the first handoff. A user may appear more than once');

const layerFields = {
  name: Name,
  members: Members,
  rotation: Rotation,
  restrictions: z.array(Restriction).max(50, 'at most 50 restrictions per layer').optional().describe('Active windows; none: always active'),
  start: Instant.optional().describe('When the layer starts counting (default: its first handoff)'),
  end: Instant.nullable().optional().describe('When the layer stops; null or absent: never'),
};

export const CreateScheduleLayer = z.strictObject(layerFields).meta({ id: 'CreateScheduleLayer' });

export const UpdateScheduleLayer = z
  .strictObject({
    id: Id.optional().describe('An existing layer of this schedule to keep (its member history is kept; a changed members list applies from now). Leave out to add a layer'),
    ...layerFields,
  })
  .meta({ id: 'UpdateScheduleLayer' });

const Description = z.string().max(10_000);
const Layers = <T extends z.ZodType>(layer: T) =>
  z
    .array(layer)
    .min(1, 'a schedule needs at least one layer')
    .max(MAX_LAYERS, `at most ${MAX_LAYERS} layers`)
    .describe('Lowest first: later layers are higher and win where they have someone');

export const CreateScheduleBody = z
  .strictObject({
    name: Name,
    description: Description.optional(),
    timeZone: TimeZone.describe('IANA zone of the rotations and restrictions, e.g. Asia/Tokyo'),
    layers: Layers(CreateScheduleLayer),
  })
  .meta({ id: 'CreateSchedule' });

export const UpdateScheduleBody = z
  .strictObject({
    name: Name.optional(),
    description: Description.optional(),
    timeZone: TimeZone.optional().describe('Changing the zone moves every handoff to the same wall-clock time in the new zone'),
    layers: Layers(UpdateScheduleLayer)
      .optional()
      .describe('Replaces the layers as a whole (lowest first). Send a layer’s id to keep it; layers left out are removed'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'UpdateSchedule' });

export const SetLayerMembersBody = z
  .strictObject({
    members: Members,
    effectiveFrom: Instant.optional().describe('When the new list takes over (default: now; never in the past). Shifts before it stay as they were'),
    effective: z
      .enum(['at', 'next_handoff'])
      .optional()
      .describe('at (default): from effectiveFrom itself, cutting the running shift when its person leaves; next_handoff: from the first handoff at or after effectiveFrom'),
  })
  .meta({ id: 'SetLayerMembers' });

export const UserRef = z.object({ id: Id, name: z.string().nullable().describe('null when the user no longer exists') }).meta({ id: 'UserRef' });

export const MemberPeriod = z
  .object({
    from: Instant,
    effective: z.enum(['at', 'next_handoff']),
    members: z.array(UserRef),
  })
  .meta({ id: 'ScheduleMemberPeriod' });

export const ScheduleLayer = z
  .object({
    id: Id,
    name: z.string(),
    position: z.number().int().describe('1 is the lowest layer'),
    rotation: Rotation,
    restrictions: z.array(Restriction),
    start: Instant.nullable(),
    end: Instant.nullable(),
    members: z.array(UserRef).describe('The list in force now (or, before the layer starts, the first list), in rotation order'),
    memberHistory: z.array(MemberPeriod).describe('Every member list over time, oldest first, including scheduled changes'),
  })
  .meta({ id: 'ScheduleLayer' });

export const Schedule = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string(),
    timeZone: z.string(),
    layers: z.array(ScheduleLayer),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Schedule' });

export const ScheduleParams = z.strictObject({ id: Id });
export const LayerParams = z.strictObject({ id: Id, layerId: Id });
export const OverrideParams = z.strictObject({ id: Id, overrideId: Id });

export const AtQuery = z.strictObject({
  at: Instant.optional().describe('Default: now'),
});

export const RangeQuery = z.strictObject({
  from: Instant.optional().describe('Default: now'),
  to: Instant.optional().describe(`Default: 14 days after from; at most ${MAX_RANGE_DAYS} days after it`),
});

export const OnCallUser = z
  .object({
    id: Id,
    name: z.string().nullable(),
    until: Instant.nullable().describe('End of the current shift (next handoff or override boundary); null when more than 90 days away'),
  })
  .meta({ id: 'OnCallUser' });

export const ScheduleOnCall = z
  .object({
    scheduleId: Id,
    scheduleName: z.string(),
    timeZone: z.string(),
    at: Instant,
    users: z.array(OnCallUser).describe('Who is on call at `at` in the final schedule (layers and overrides); empty in a gap'),
  })
  .meta({ id: 'ScheduleOnCall' });

export const OnCallNow = z
  .object({
    at: Instant,
    items: z.array(ScheduleOnCall).describe('Every schedule by name'),
    nextCursor: z.null(),
  })
  .meta({ id: 'OnCallNow' });

export const Shift = z
  .object({
    userId: Id,
    userName: z.string().nullable(),
    start: Instant,
    end: Instant,
    layerId: Id.optional().describe('The layer the shift comes from (also for a replace override over it)'),
    overrideId: Id.optional().describe('The override that put this person here'),
  })
  .meta({ id: 'Shift' });

export const ShiftList = z
  .object({
    scheduleId: Id,
    timeZone: z.string(),
    from: Instant,
    to: Instant,
    items: z.array(Shift).describe('Sorted by start then userId, clipped to [from, to), split at every handoff'),
    nextCursor: z.null(),
  })
  .meta({ id: 'ShiftList' });

export const CoverageGaps = z
  .object({
    scheduleId: Id,
    from: Instant,
    to: Instant,
    items: z.array(z.object({ start: Instant, end: Instant })).describe('Intervals with nobody on call; only from now on'),
    nextCursor: z.null(),
  })
  .meta({ id: 'CoverageGaps' });

export const CreateOverrideBody = z
  .strictObject({
    start: Instant,
    end: Instant.describe('After start'),
    userId: Id.optional().describe('Who goes on call'),
    replacesUserId: Id.optional().describe('Who is replaced (with userId) or taken off (alone)'),
  })
  .describe('Both users: replace; userId only: add someone; replacesUserId only: remove someone')
  .meta({ id: 'CreateScheduleOverride' });

export const ScheduleOverride = z
  .object({
    id: Id,
    scheduleId: Id,
    kind: z.enum(['add', 'replace', 'remove']),
    start: Instant,
    end: Instant,
    user: UserRef.nullable(),
    replacesUser: UserRef.nullable(),
    createdById: z.string().nullable(),
    createdAt: Instant,
  })
  .meta({ id: 'ScheduleOverride' });

export const FeedQuery = z.strictObject({ token: z.string().max(200).optional().describe('The signed token from the feed-url endpoint') });
export const FeedUrl = z.object({ url: z.string().describe('Subscribe to this URL in a calendar app; it carries a signed token instead of a bearer token') }).meta({ id: 'FeedUrl' });
