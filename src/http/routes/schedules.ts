import { z } from 'zod';
import { errorResponses, IdParams, listOf, NoContent } from '../../contracts/common.js';
import {
  AtQuery,
  CoverageGaps,
  CreateOverrideBody,
  CreateScheduleBody,
  FeedQuery,
  FeedUrl,
  LayerParams,
  MAX_RANGE_DAYS,
  OnCallNow,
  OverrideParams,
  RangeQuery,
  Schedule,
  ScheduleOnCall,
  ScheduleOverride,
  SetLayerMembersBody,
  ShiftList,
  UpdateScheduleBody,
} from '../../contracts/schedule.js';
import { createOverride } from '../../services/schedule/create-override.js';
import { createSchedule } from '../../services/schedule/create.js';
import { deleteOverride } from '../../services/schedule/delete-override.js';
import { deleteSchedule } from '../../services/schedule/delete.js';
import { getScheduleFeedUrl, getUserFeedUrl } from '../../services/schedule/feed-url.js';
import { listCoverageGaps } from '../../services/schedule/gaps.js';
import { getScheduleOnCall } from '../../services/schedule/get-oncall.js';
import { getSchedule } from '../../services/schedule/get.js';
import { listLayerShifts } from '../../services/schedule/layer-shifts.js';
import { listOnCall } from '../../services/schedule/list-oncall.js';
import { listOverrides } from '../../services/schedule/list-overrides.js';
import { listSchedules } from '../../services/schedule/list.js';
import { scheduleFeed } from '../../services/schedule/schedule-feed.js';
import { setLayerMembers } from '../../services/schedule/set-members.js';
import { listShifts } from '../../services/schedule/shifts.js';
import { updateSchedule } from '../../services/schedule/update.js';
import { userFeed } from '../../services/schedule/user-feed.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['schedules'];
const range = `at most ${MAX_RANGE_DAYS} days`;
const Calendar = z.string().describe('text/calendar; charset=utf-8 (RFC 5545, UTC timestamps), 60 days back to 180 days ahead');

/** Schedules, overrides, who is on call, shifts, iCal feeds (SPEC §3, §4.3). */
export async function scheduleRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.get('/api/v1/schedules', {
    schema: { tags, summary: 'Schedules by name, with their layers and current members', response: { 200: listOf(Schedule), ...errorResponses } },
    handler: (req) => listSchedules(ctxOf(deps, req)),
  });
  app.post('/api/v1/schedules', {
    schema: {
      tags,
      summary: 'Create a schedule: layers lowest first; in each, members[0] is on call from the first handoff (startDate at handoffTime in timeZone)',
      body: CreateScheduleBody,
      response: { 201: Schedule, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await createSchedule(ctxOf(deps, req), req.body)),
  });
  app.get('/api/v1/schedules/:id', {
    schema: { tags, summary: 'Get a schedule: its layers, each with its current members and member history', params: IdParams, response: { 200: Schedule, ...errorResponses } },
    handler: (req) => getSchedule(ctxOf(deps, req), req.params.id),
  });
  app.patch('/api/v1/schedules/:id', {
    schema: {
      tags,
      summary: 'Change a schedule; layers are replaced as a whole (send a layer’s id to keep it and its member history; a changed members list applies from now)',
      params: IdParams,
      body: UpdateScheduleBody,
      response: { 200: Schedule, ...errorResponses },
    },
    handler: (req) => updateSchedule(ctxOf(deps, req), req.params.id, req.body),
  });
  app.delete('/api/v1/schedules/:id', {
    schema: { tags, summary: 'Delete a schedule with its layers and overrides (409 while an escalation policy pages it)', params: IdParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await deleteSchedule(ctxOf(deps, req), req.params.id);
      return reply.status(204).send(null);
    },
  });
  app.put('/api/v1/schedules/:id/layers/:layerId/members', {
    schema: {
      tags,
      summary: 'Change a layer’s members from an instant (default now, never in the past): earlier shifts stay as they were, a removed person is not on call after it',
      params: LayerParams,
      body: SetLayerMembersBody,
      response: { 200: Schedule, ...errorResponses },
    },
    handler: (req) => setLayerMembers(ctxOf(deps, req), req.params.id, req.params.layerId, req.body),
  });

  app.get('/api/v1/oncall', {
    schema: { tags, summary: 'Who is on call on every schedule at an instant (default now)', querystring: AtQuery, response: { 200: OnCallNow, ...errorResponses } },
    handler: (req) => listOnCall(ctxOf(deps, req), req.query),
  });
  app.get('/api/v1/schedules/:id/oncall', {
    schema: { tags, summary: 'Who is on call at an instant (default now) in the final schedule: layers, then overrides', params: IdParams, querystring: AtQuery, response: { 200: ScheduleOnCall, ...errorResponses } },
    handler: (req) => getScheduleOnCall(ctxOf(deps, req), req.params.id, req.query),
  });
  app.get('/api/v1/schedules/:id/shifts', {
    schema: {
      tags,
      summary: `The final schedule over [from, to) (${range}): sorted by start, clipped to the range, split at every handoff`,
      params: IdParams,
      querystring: RangeQuery,
      response: { 200: ShiftList, ...errorResponses },
    },
    handler: (req) => listShifts(ctxOf(deps, req), req.params.id, req.query),
  });
  app.get('/api/v1/schedules/:id/layers/:layerId/shifts', {
    schema: { tags, summary: `One layer’s own shifts over [from, to) (${range}), before higher layers and overrides`, params: LayerParams, querystring: RangeQuery, response: { 200: ShiftList, ...errorResponses } },
    handler: (req) => listLayerShifts(ctxOf(deps, req), req.params.id, req.params.layerId, req.query),
  });
  app.get('/api/v1/schedules/:id/gaps', {
    schema: { tags, summary: `Coverage gaps (nobody on call) over [from, to) (${range}), from now on only`, params: IdParams, querystring: RangeQuery, response: { 200: CoverageGaps, ...errorResponses } },
    handler: (req) => listCoverageGaps(ctxOf(deps, req), req.params.id, req.query),
  });

  app.get('/api/v1/schedules/:id/overrides', {
    schema: { tags, summary: `Overrides that meet [from, to) (default: the next 90 days; ${range}), in the order they apply`, params: IdParams, querystring: RangeQuery, response: { 200: listOf(ScheduleOverride), ...errorResponses } },
    handler: (req) => listOverrides(ctxOf(deps, req), req.params.id, req.query),
  });
  app.post('/api/v1/schedules/:id/overrides', {
    schema: {
      tags,
      summary: 'Override the final schedule for a period: userId and replacesUserId replace a person, userId alone adds one, replacesUserId alone removes one',
      params: IdParams,
      body: CreateOverrideBody,
      response: { 201: ScheduleOverride, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await createOverride(ctxOf(deps, req), req.params.id, req.body)),
  });
  app.delete('/api/v1/schedules/:id/overrides/:overrideId', {
    schema: { tags, summary: 'Delete an override', params: OverrideParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await deleteOverride(ctxOf(deps, req), req.params.id, req.params.overrideId);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/schedules/:id/feed-url', {
    schema: { tags, summary: 'The iCal subscription URL of a schedule (carries a signed token)', params: IdParams, response: { 200: FeedUrl, ...errorResponses } },
    handler: (req) => getScheduleFeedUrl(ctxOf(deps, req), req.params.id),
  });
  app.get('/api/v1/users/:id/oncall-feed-url', {
    schema: { tags, summary: 'The iCal subscription URL of one person’s on-call shifts (carries a signed token)', params: IdParams, response: { 200: FeedUrl, ...errorResponses } },
    handler: (req) => getUserFeedUrl(ctxOf(deps, req), req.params.id),
  });
  // Calendar apps cannot send a bearer token: these two are public and check the URL's signed token
  // (a wrong one is a 404, like a missing id).
  app.get('/api/v1/schedules/:id/feed.ics', {
    config: { public: true },
    schema: { tags, summary: 'iCal feed of a schedule’s final shifts', security: [], params: IdParams, querystring: FeedQuery, response: { 200: Calendar, ...errorResponses } },
    handler: async (req, reply) => reply.type('text/calendar; charset=utf-8').send(await scheduleFeed(deps, req.params.id, req.query.token)),
  });
  app.get('/api/v1/users/:id/oncall.ics', {
    config: { public: true },
    schema: { tags, summary: 'iCal feed of one person’s on-call shifts on every schedule', security: [], params: IdParams, querystring: FeedQuery, response: { 200: Calendar, ...errorResponses } },
    handler: async (req, reply) => reply.type('text/calendar; charset=utf-8').send(await userFeed(deps, req.params.id, req.query.token)),
  });
}
