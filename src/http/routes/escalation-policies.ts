import { errorResponses, IdParams, listOf, NoContent } from '../../contracts/common.js';
import { CreateEscalationPolicyBody, EscalationPolicy, UpdateEscalationPolicyBody } from '../../contracts/escalation-policy.js';
import { createEscalationPolicy } from '../../services/escalation-policy/create.js';
import { deleteEscalationPolicy } from '../../services/escalation-policy/delete.js';
import { getEscalationPolicy } from '../../services/escalation-policy/get.js';
import { listEscalationPolicies } from '../../services/escalation-policy/list.js';
import { updateEscalationPolicy } from '../../services/escalation-policy/update.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['escalation policies'];

export async function escalationPolicyRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.get('/api/v1/escalation-policies', {
    schema: { tags, summary: 'Escalation policies by name', response: { 200: listOf(EscalationPolicy), ...errorResponses } },
    handler: (req) => listEscalationPolicies(ctxOf(deps, req)),
  });
  app.post('/api/v1/escalation-policies', {
    schema: {
      tags,
      summary: 'Create an escalation policy: level 1 is paged at once; each level waits delayMinutes for an acknowledgement; repeat runs the whole policy again',
      body: CreateEscalationPolicyBody,
      response: { 201: EscalationPolicy, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await createEscalationPolicy(ctxOf(deps, req), req.body)),
  });
  app.get('/api/v1/escalation-policies/:id', {
    schema: { tags, summary: 'Get an escalation policy', params: IdParams, response: { 200: EscalationPolicy, ...errorResponses } },
    handler: (req) => getEscalationPolicy(ctxOf(deps, req), req.params.id),
  });
  app.patch('/api/v1/escalation-policies/:id', {
    schema: {
      tags,
      summary: 'Change an escalation policy (escalations already running keep the policy they started with)',
      params: IdParams,
      body: UpdateEscalationPolicyBody,
      response: { 200: EscalationPolicy, ...errorResponses },
    },
    handler: (req) => updateEscalationPolicy(ctxOf(deps, req), req.params.id, req.body),
  });
  app.delete('/api/v1/escalation-policies/:id', {
    schema: { tags, summary: 'Delete an escalation policy no service uses', params: IdParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await deleteEscalationPolicy(ctxOf(deps, req), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
