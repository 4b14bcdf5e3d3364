import { errorResponses } from '../../contracts/common.js';
import { IncidentRolesSetting, IncidentRolesView, PriorityMatrixSetting } from '../../contracts/settings.js';
import { listIncidentRoles, setIncidentRoles } from '../../services/settings/incident-roles.js';
import { readPriorityMatrixSetting, updatePriorityMatrixSetting } from '../../services/settings/priority-matrix-setting.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['settings'];

export async function settingsRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.get('/api/v1/settings/incident-roles', {
    schema: { tags, summary: 'The incident roles, in display order', response: { 200: IncidentRolesView, ...errorResponses } },
    handler: (req) => listIncidentRoles(ctxOf(deps, req)),
  });

  app.put('/api/v1/settings/incident-roles', {
    schema: {
      tags,
      summary: 'Replace the incident roles (a role held on an open incident cannot be removed)',
      body: IncidentRolesSetting,
      response: { 200: IncidentRolesView, ...errorResponses },
    },
    handler: (req) => setIncidentRoles(ctxOf(deps, req), req.body),
  });

  app.get('/api/v1/settings/priority-matrix', {
    schema: { tags, summary: 'The impact × urgency → priority matrix', response: { 200: PriorityMatrixSetting, ...errorResponses } },
    handler: (req) => readPriorityMatrixSetting(ctxOf(deps, req)),
  });

  app.put('/api/v1/settings/priority-matrix', {
    schema: { tags, summary: 'Replace the priority matrix (existing incidents keep their priority)', body: PriorityMatrixSetting, response: { 200: PriorityMatrixSetting, ...errorResponses } },
    handler: (req) => updatePriorityMatrixSetting(ctxOf(deps, req), req.body),
  });
}
