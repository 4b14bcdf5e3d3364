import { errorResponses, IdParams, listOf } from '../../contracts/common.js';
import { Change, CreateChangeBody, IncidentChangesQuery, ListChangesQuery } from '../../contracts/change.js';
import { createChange } from '../../services/change/create.js';
import { listIncidentChanges } from '../../services/change/for-incident.js';
import { listChanges } from '../../services/change/list.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['changes'];

export async function changeRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.get('/api/v1/changes', {
    schema: { tags, summary: 'Change events (deploys, configuration changes), most recent first', querystring: ListChangesQuery, response: { 200: listOf(Change), ...errorResponses } },
    handler: (req) => listChanges(ctxOf(deps, req), req.query),
  });
  app.post('/api/v1/changes', {
    schema: { tags, summary: 'Record a change on a service (e.g. from a deploy pipeline)', body: CreateChangeBody, response: { 201: Change, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await createChange(ctxOf(deps, req), req.body)),
  });
  app.get('/api/v1/incidents/:id/changes', {
    schema: {
      tags: ['incidents', ...tags],
      summary: "Changes on the incident's services from `hours` before its impact started until it resolved",
      params: IdParams,
      querystring: IncidentChangesQuery,
      response: { 200: listOf(Change), ...errorResponses },
    },
    handler: (req) => listIncidentChanges(ctxOf(deps, req), req.params.id, req.query),
  });
}
