import { errorResponses, IdParams, listOf } from '../../contracts/common.js';
import {
  DeclareIncidentBody,
  EscalateBody,
  Incident,
  LifecycleBody,
  ListIncidentsQuery,
  MergeBody,
  NoteBody,
  TimelineEntry,
  TimelineQuery,
  UpdateIncidentBody,
} from '../../contracts/incident.js';
import { acknowledgeIncident } from '../../services/incident/acknowledge.js';
import { addNote } from '../../services/incident/add-note.js';
import { closeIncident } from '../../services/incident/close.js';
import { declareIncident } from '../../services/incident/declare.js';
import { declineIncident } from '../../services/incident/decline.js';
import { escalateIncident } from '../../services/incident/escalate.js';
import { getIncident } from '../../services/incident/get.js';
import { listIncidents } from '../../services/incident/list.js';
import { mergeIncident } from '../../services/incident/merge.js';
import { reopenIncident } from '../../services/incident/reopen.js';
import { resolveIncident } from '../../services/incident/resolve.js';
import { listTimeline } from '../../services/incident/timeline.js';
import { updateIncident } from '../../services/incident/update.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['incidents'];

export async function incidentRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.get('/api/v1/incidents', {
    schema: { tags, summary: 'List incidents (newest first)', querystring: ListIncidentsQuery, response: { 200: listOf(Incident), ...errorResponses } },
    handler: (req) => listIncidents(ctxOf(deps, req), req.query),
  });

  app.post('/api/v1/incidents', {
    schema: { tags, summary: 'Declare an incident', body: DeclareIncidentBody, response: { 201: Incident, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await declareIncident(ctxOf(deps, req), req.body)),
  });

  app.get('/api/v1/incidents/:id', {
    schema: { tags, summary: 'Get an incident', params: IdParams, response: { 200: Incident, ...errorResponses } },
    handler: (req) => getIncident(ctxOf(deps, req), req.params.id),
  });

  app.patch('/api/v1/incidents/:id', {
    schema: { tags, summary: 'Change triage fields, text, services or the coordination link', params: IdParams, body: UpdateIncidentBody, response: { 200: Incident, ...errorResponses } },
    handler: (req) => updateIncident(ctxOf(deps, req), req.params.id, req.body),
  });

  const lifecycle = [
    ['acknowledge', acknowledgeIncident, 'Acknowledge (stops escalation)'],
    ['resolve', resolveIncident, 'Resolve'],
    ['reopen', reopenIncident, 'Reopen a resolved or declined incident'],
    ['close', closeIncident, 'Close a resolved incident'],
    ['decline', declineIncident, 'Decline: not an incident'],
  ] as const;
  for (const [verb, fn, summary] of lifecycle) {
    app.post(`/api/v1/incidents/:id/${verb}`, {
      schema: { tags, summary, params: IdParams, body: LifecycleBody, response: { 200: Incident, ...errorResponses } },
      handler: (req) => fn(ctxOf(deps, req), req.params.id, req.body),
    });
  }

  app.post('/api/v1/incidents/:id/escalate', {
    schema: { tags, summary: 'Escalate to the next (or a chosen) level', params: IdParams, body: EscalateBody, response: { 200: Incident, ...errorResponses } },
    handler: (req) => escalateIncident(ctxOf(deps, req), req.params.id, req.body),
  });

  app.post('/api/v1/incidents/:id/merge', {
    schema: { tags, summary: 'Merge this incident into another; returns the target', params: IdParams, body: MergeBody, response: { 200: Incident, ...errorResponses } },
    handler: (req) => mergeIncident(ctxOf(deps, req), req.params.id, req.body),
  });

  app.get('/api/v1/incidents/:id/timeline', {
    schema: { tags, summary: 'Timeline, oldest first', params: IdParams, querystring: TimelineQuery, response: { 200: listOf(TimelineEntry), ...errorResponses } },
    handler: (req) => listTimeline(ctxOf(deps, req), req.params.id, req.query),
  });

  app.post('/api/v1/incidents/:id/notes', {
    schema: { tags, summary: 'Add a Markdown note to the timeline', params: IdParams, body: NoteBody, response: { 201: TimelineEntry, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await addNote(ctxOf(deps, req), req.params.id, req.body)),
  });
}

