import { errorResponses, IdParams, listOf, NoContent } from '../../contracts/common.js';
import { CreateMaintenanceWindowBody, ListMaintenanceWindowsQuery, MaintenanceWindow, UpdateMaintenanceWindowBody } from '../../contracts/maintenance-window.js';
import { createMaintenanceWindow } from '../../services/maintenance-window/create.js';
import { deleteMaintenanceWindow } from '../../services/maintenance-window/delete.js';
import { getMaintenanceWindow } from '../../services/maintenance-window/get.js';
import { listMaintenanceWindows } from '../../services/maintenance-window/list.js';
import { updateMaintenanceWindow } from '../../services/maintenance-window/update.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['maintenance windows'];

export async function maintenanceWindowRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  /** Status pages show maintenance: their cached answers go (http/status-cache.ts). */
  const changed = <T>(result: T): T => {
    deps.statusCache?.clear();
    return result;
  };
  app.get('/api/v1/maintenance-windows', {
    schema: {
      tags,
      summary: 'Maintenance windows, latest start first; state is judged at the server’s now',
      querystring: ListMaintenanceWindowsQuery,
      response: { 200: listOf(MaintenanceWindow), ...errorResponses },
    },
    handler: (req) => listMaintenanceWindows(ctxOf(deps, req), req.query),
  });
  app.post('/api/v1/maintenance-windows', {
    schema: {
      tags,
      summary: 'Schedule maintenance (one-off, or recurring in a time zone): paging is suppressed for its services while it runs',
      body: CreateMaintenanceWindowBody,
      response: { 201: MaintenanceWindow, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(changed(await createMaintenanceWindow(ctxOf(deps, req), req.body))),
  });
  app.get('/api/v1/maintenance-windows/:id', {
    schema: { tags, summary: 'Get a maintenance window, with its current and next occurrence', params: IdParams, response: { 200: MaintenanceWindow, ...errorResponses } },
    handler: (req) => getMaintenanceWindow(ctxOf(deps, req), req.params.id),
  });
  app.patch('/api/v1/maintenance-windows/:id', {
    schema: { tags, summary: 'Change a maintenance window', params: IdParams, body: UpdateMaintenanceWindowBody, response: { 200: MaintenanceWindow, ...errorResponses } },
    handler: async (req) => changed(await updateMaintenanceWindow(ctxOf(deps, req), req.params.id, req.body)),
  });
  app.delete('/api/v1/maintenance-windows/:id', {
    schema: { tags, summary: 'Delete a maintenance window (paging resumes at once)', params: IdParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      changed(await deleteMaintenanceWindow(ctxOf(deps, req), req.params.id));
      return reply.status(204).send(null);
    },
  });
}
