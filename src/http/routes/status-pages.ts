import { z } from 'zod';
import { errorResponses, IdParams, NoContent } from '../../contracts/common.js';
import {
  ComponentParams,
  CreateStatusComponentBody,
  CreateStatusPageBody,
  CreateStatusUpdateBody,
  PostedIncident,
  StatusComponent,
  StatusPage,
  UpdateStatusComponentBody,
  UpdateStatusPageBody,
} from '../../contracts/status-page.js';
import { createStatusComponent } from '../../services/status-page/component-create.js';
import { deleteStatusComponent } from '../../services/status-page/component-delete.js';
import { listStatusComponents } from '../../services/status-page/component-list.js';
import { updateStatusComponent } from '../../services/status-page/component-update.js';
import { createStatusPage } from '../../services/status-page/create.js';
import { deleteStatusPage } from '../../services/status-page/delete.js';
import { getStatusPage } from '../../services/status-page/get.js';
import { ListStatusPagesQuery, listStatusPages } from '../../services/status-page/list.js';
import { listPostedIncidents } from '../../services/status-page/list-posted.js';
import { postStatusUpdate } from '../../services/status-page/post-update.js';
import { updateStatusPage } from '../../services/status-page/update.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['status pages'];

/** Status pages, their components, and updates posted from incidents (SPEC §3, §4.5). */
export async function statusPageRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  // A page's host name routes requests (http/status-hosts.ts): reload the map after a change here.
  const rehost = async <T>(result: T): Promise<T> => {
    await deps.statusHosts?.refresh();
    return changed(result);
  };
  /** Readers see a change made here at once (http/status-cache.ts). */
  const changed = <T>(result: T): T => {
    deps.statusCache?.clear();
    return result;
  };
  app.get('/api/v1/status-pages', {
    schema: { tags, summary: 'Status pages, by name', querystring: ListStatusPagesQuery, response: { 200: z.object({ items: z.array(StatusPage), nextCursor: z.null() }), ...errorResponses } },
    handler: (req) => listStatusPages(ctxOf(deps, req), req.query),
  });
  app.post('/api/v1/status-pages', {
    schema: { tags, summary: 'Create a status page (public, or internal: signed-in readers only)', body: CreateStatusPageBody, response: { 201: StatusPage, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await rehost(await createStatusPage(ctxOf(deps, req), req.body))),
  });
  app.get('/api/v1/status-pages/:id', {
    schema: { tags, summary: 'Get a status page', params: IdParams, response: { 200: StatusPage, ...errorResponses } },
    handler: (req) => getStatusPage(ctxOf(deps, req), req.params.id),
  });
  app.patch('/api/v1/status-pages/:id', {
    schema: { tags, summary: 'Change a status page’s settings', params: IdParams, body: UpdateStatusPageBody, response: { 200: StatusPage, ...errorResponses } },
    handler: async (req) => rehost(await updateStatusPage(ctxOf(deps, req), req.params.id, req.body)),
  });
  app.delete('/api/v1/status-pages/:id', {
    schema: { tags, summary: 'Delete a status page with its components, posted updates and subscribers', params: IdParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await deleteStatusPage(ctxOf(deps, req), req.params.id);
      await rehost(null);
      return reply.status(204).send(null);
    },
  });
  app.get('/api/v1/status-pages/:id/components', {
    schema: { tags, summary: 'A page’s components in page order, with the status shown now', params: IdParams, response: { 200: z.object({ items: z.array(StatusComponent) }), ...errorResponses } },
    handler: (req) => listStatusComponents(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/v1/status-pages/:id/components', {
    schema: { tags, summary: 'Add a component (in a group when `group` names one), optionally linked to a service', params: IdParams, body: CreateStatusComponentBody, response: { 201: StatusComponent, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(changed(await createStatusComponent(ctxOf(deps, req), req.params.id, req.body))),
  });
  app.patch('/api/v1/status-pages/:id/components/:componentId', {
    schema: { tags, summary: 'Change a component, or set its status by hand (manualStatus; null: automatic again)', params: ComponentParams, body: UpdateStatusComponentBody, response: { 200: StatusComponent, ...errorResponses } },
    handler: async (req) => changed(await updateStatusComponent(ctxOf(deps, req), req.params.id, req.params.componentId, req.body)),
  });
  app.delete('/api/v1/status-pages/:id/components/:componentId', {
    schema: { tags, summary: 'Remove a component (an emptied group goes with it)', params: ComponentParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      changed(await deleteStatusComponent(ctxOf(deps, req), req.params.id, req.params.componentId));
      return reply.status(204).send(null);
    },
  });
  app.post('/api/v1/incidents/:id/status-updates', {
    schema: {
      tags,
      summary: 'Post an update about the incident to a status page (the first one puts it on the page); subscribers are told once each',
      params: IdParams,
      body: CreateStatusUpdateBody,
      response: { 201: PostedIncident, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(changed(await postStatusUpdate(ctxOf(deps, req), req.params.id, req.body))),
  });
  app.get('/api/v1/incidents/:id/status-updates', {
    schema: { tags, summary: 'The status pages the incident was posted to, with its updates there (newest first)', params: IdParams, response: { 200: z.object({ items: z.array(PostedIncident) }), ...errorResponses } },
    handler: (req) => listPostedIncidents(ctxOf(deps, req), req.params.id),
  });
}
