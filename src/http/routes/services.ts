import { errorResponses, IdParams, listOf, NoContent } from '../../contracts/common.js';
import { IngestSettings } from '../../contracts/ingest-settings.js';
import { CreateIntegrationBody, CreateServiceBody, Integration, IntegrationParams, ListServicesQuery, Service, UpdateIntegrationBody, UpdateServiceBody } from '../../contracts/service.js';
import { createIntegration } from '../../services/integration/create.js';
import { deleteIntegration } from '../../services/integration/delete.js';
import { listIntegrations } from '../../services/integration/list.js';
import { rotateIntegrationKey } from '../../services/integration/rotate-key.js';
import { updateIntegration } from '../../services/integration/update.js';
import { createService } from '../../services/service/create.js';
import { getIngestSettings, setIngestSettings } from '../../services/service/ingest-settings.js';
import { deleteService } from '../../services/service/delete.js';
import { getService } from '../../services/service/get.js';
import { listServices } from '../../services/service/list.js';
import { updateService } from '../../services/service/update.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['services'];

export async function serviceRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.get('/api/v1/services', {
    schema: { tags, summary: 'List services by name', querystring: ListServicesQuery, response: { 200: listOf(Service), ...errorResponses } },
    handler: (req) => listServices(ctxOf(deps, req), req.query),
  });
  app.post('/api/v1/services', {
    schema: { tags, summary: 'Create a service', body: CreateServiceBody, response: { 201: Service, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await createService(ctxOf(deps, req), req.body)),
  });
  app.get('/api/v1/services/:id', {
    schema: { tags, summary: 'Get a service', params: IdParams, response: { 200: Service, ...errorResponses } },
    handler: (req) => getService(ctxOf(deps, req), req.params.id),
  });
  app.patch('/api/v1/services/:id', {
    schema: { tags, summary: 'Change a service', params: IdParams, body: UpdateServiceBody, response: { 200: Service, ...errorResponses } },
    handler: (req) => updateService(ctxOf(deps, req), req.params.id, req.body),
  });
  app.delete('/api/v1/services/:id', {
    schema: { tags, summary: 'Delete a service (refused while it has open incidents)', params: IdParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await deleteService(ctxOf(deps, req), req.params.id);
      return reply.status(204).send(null);
    },
  });
  app.get('/api/v1/services/:id/ingest-settings', {
    schema: { tags, summary: 'How the service groups alerts into incidents (defaults filled in)', params: IdParams, response: { 200: IngestSettings, ...errorResponses } },
    handler: (req) => getIngestSettings(ctxOf(deps, req), req.params.id),
  });
  app.put('/api/v1/services/:id/ingest-settings', {
    schema: {
      tags,
      summary: 'Set grouping (none, time window, content), threshold, flapping window and severity/urgency maps',
      params: IdParams,
      body: IngestSettings,
      response: { 200: IngestSettings, ...errorResponses },
    },
    handler: (req) => setIngestSettings(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/v1/services/:id/integrations', {
    schema: { tags, summary: "A service's integrations, with keys", params: IdParams, response: { 200: listOf(Integration), ...errorResponses } },
    handler: (req) => listIntegrations(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/v1/services/:id/integrations', {
    schema: { tags, summary: 'Add an integration (inbound source with a secret key)', params: IdParams, body: CreateIntegrationBody, response: { 201: Integration, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await createIntegration(ctxOf(deps, req), req.params.id, req.body)),
  });
  app.patch('/api/v1/services/:id/integrations/:integrationId', {
    schema: {
      tags,
      summary: 'Rename an integration, set its rate limit, or enable its heartbeat',
      params: IntegrationParams,
      body: UpdateIntegrationBody,
      response: { 200: Integration, ...errorResponses },
    },
    handler: (req) => updateIntegration(ctxOf(deps, req), req.params.id, req.params.integrationId, req.body),
  });
  app.delete('/api/v1/services/:id/integrations/:integrationId', {
    schema: { tags, summary: 'Delete an integration', params: IntegrationParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await deleteIntegration(ctxOf(deps, req), req.params.id, req.params.integrationId);
      return reply.status(204).send(null);
    },
  });
  app.post('/api/v1/services/:id/integrations/:integrationId/rotate-key', {
    schema: { tags, summary: 'Replace the integration key (the old one stops working)', params: IntegrationParams, response: { 200: Integration, ...errorResponses } },
    handler: (req) => rotateIntegrationKey(ctxOf(deps, req), req.params.id, req.params.integrationId),
  });
}
