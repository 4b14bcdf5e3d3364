import { errorResponses, IdParams, listOf, NoContent } from '../../contracts/common.js';
import {
  CreateStakeholderAudienceBody,
  SendStakeholderUpdateBody,
  StakeholderAudience,
  StakeholderUpdate,
  StakeholderUpdatePreview,
  UpdateStakeholderAudienceBody,
} from '../../contracts/stakeholder.js';
import { createAudience } from '../../services/stakeholder/create-audience.js';
import { deleteAudience } from '../../services/stakeholder/delete-audience.js';
import { listAudiences } from '../../services/stakeholder/list-audiences.js';
import { listStakeholderUpdates } from '../../services/stakeholder/list-updates.js';
import { previewStakeholderUpdate } from '../../services/stakeholder/preview.js';
import { sendStakeholderUpdate } from '../../services/stakeholder/send.js';
import { updateAudience } from '../../services/stakeholder/update-audience.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['stakeholders'];

/** Stakeholder audiences (admins) and the updates sent to them from an incident (responders). */
export async function stakeholderRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.get('/api/v1/stakeholder-audiences', {
    schema: { tags, summary: 'List stakeholder audiences by name (responders and above)', response: { 200: listOf(StakeholderAudience), ...errorResponses } },
    handler: (req) => listAudiences(ctxOf(deps, req)),
  });
  app.post('/api/v1/stakeholder-audiences', {
    schema: { tags, summary: 'Create a stakeholder audience (admin)', body: CreateStakeholderAudienceBody, response: { 201: StakeholderAudience, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await createAudience(ctxOf(deps, req), req.body)),
  });
  app.patch('/api/v1/stakeholder-audiences/:id', {
    schema: { tags, summary: 'Change a stakeholder audience (admin)', params: IdParams, body: UpdateStakeholderAudienceBody, response: { 200: StakeholderAudience, ...errorResponses } },
    handler: (req) => updateAudience(ctxOf(deps, req), req.params.id, req.body),
  });
  app.delete('/api/v1/stakeholder-audiences/:id', {
    schema: { tags, summary: 'Delete a stakeholder audience (admin); updates already sent stay', params: IdParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await deleteAudience(ctxOf(deps, req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/incidents/:id/stakeholder-updates', {
    schema: { tags, summary: "An incident's stakeholder updates, newest first, with delivery counts", params: IdParams, response: { 200: listOf(StakeholderUpdate), ...errorResponses } },
    handler: (req) => listStakeholderUpdates(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/v1/incidents/:id/stakeholder-updates', {
    schema: {
      tags,
      summary: 'Send a stakeholder update by e-mail to audiences (responders and above); kept on the timeline',
      params: IdParams,
      body: SendStakeholderUpdateBody,
      response: { 201: StakeholderUpdate, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await sendStakeholderUpdate(ctxOf(deps, req), req.params.id, req.body)),
  });
  app.post('/api/v1/incidents/:id/stakeholder-updates/preview', {
    schema: {
      tags,
      summary: 'Render a stakeholder update without sending or saving it',
      params: IdParams,
      body: SendStakeholderUpdateBody,
      response: { 200: StakeholderUpdatePreview, ...errorResponses },
    },
    handler: (req) => previewStakeholderUpdate(ctxOf(deps, req), req.params.id, req.body),
  });
}
