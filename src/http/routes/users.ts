import { z } from 'zod';
import { errorResponses, IdParams, listOf, NoContent } from '../../contracts/common.js';
import {
  ApiToken,
  ContactMethod,
  ContactMethodParams,
  CreateContactMethodBody,
  CreatedApiToken,
  CreateTokenBody,
  CreateUserBody,
  ListUsersQuery,
  TokenParams,
  UpdateUserBody,
  User,
} from '../../contracts/user.js';
import { addContactMethod } from '../../services/user/add-contact-method.js';
import { createUser } from '../../services/user/create.js';
import { createToken } from '../../services/user/create-token.js';
import { deleteContactMethod } from '../../services/user/delete-contact-method.js';
import { getUser } from '../../services/user/get.js';
import { listUsers } from '../../services/user/list.js';
import { listContactMethods } from '../../services/user/list-contact-methods.js';
import { webhookSecret } from '../../services/user/webhook-secret.js';
import { listTokens } from '../../services/user/list-tokens.js';
import { getMe } from '../../services/user/me.js';
import { revokeToken } from '../../services/user/revoke-token.js';
import { updateUser } from '../../services/user/update.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['users'];

export async function usersRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.get('/api/v1/me', {
    schema: { tags, summary: 'The person behind this session or token', response: { 200: User, ...errorResponses } },
    handler: (req) => getMe(ctxOf(deps, req)),
  });
  app.get('/api/v1/users', {
    schema: { tags, summary: 'List people by name', querystring: ListUsersQuery, response: { 200: listOf(User), ...errorResponses } },
    handler: (req) => listUsers(ctxOf(deps, req), req.query),
  });
  app.post('/api/v1/users', {
    schema: { tags, summary: 'Create a person (only an owner may create an owner)', body: CreateUserBody, response: { 201: User, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await createUser(ctxOf(deps, req), req.body)),
  });
  app.get('/api/v1/users/:id', {
    schema: { tags, summary: 'Get a person', params: IdParams, response: { 200: User, ...errorResponses } },
    handler: (req) => getUser(ctxOf(deps, req), req.params.id),
  });
  app.patch('/api/v1/users/:id', {
    schema: { tags, summary: 'Change a person (your own name, time zone, locale and password without user.manage)', params: IdParams, body: UpdateUserBody, response: { 200: User, ...errorResponses } },
    handler: (req) => updateUser(ctxOf(deps, req), req.params.id, req.body),
  });

  app.get('/api/v1/users/:id/tokens', {
    schema: { tags, summary: "A person's API tokens (prefixes only)", params: IdParams, response: { 200: listOf(ApiToken), ...errorResponses } },
    handler: (req) => listTokens(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/v1/users/:id/tokens', {
    schema: { tags, summary: 'Issue an API token; the value is shown only in this answer', params: IdParams, body: CreateTokenBody, response: { 201: CreatedApiToken, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await createToken(ctxOf(deps, req), req.params.id, req.body)),
  });
  app.delete('/api/v1/users/:id/tokens/:tokenId', {
    schema: { tags, summary: 'Revoke an API token', params: TokenParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await revokeToken(ctxOf(deps, req), req.params.id, req.params.tokenId);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/users/:id/contact-methods', {
    schema: { tags, summary: "A person's contact methods", params: IdParams, response: { 200: listOf(ContactMethod), ...errorResponses } },
    handler: (req) => listContactMethods(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/v1/users/:id/contact-methods', {
    schema: { tags, summary: 'Add a contact method (address checked for its channel)', params: IdParams, body: CreateContactMethodBody, response: { 201: ContactMethod, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await addContactMethod(ctxOf(deps, req), req.params.id, req.body)),
  });
  app.get('/api/v1/users/:id/contact-methods/:contactMethodId/signing-secret', {
    schema: {
      tags,
      summary: "A webhook contact method's Standard Webhooks signing secret (whsec_…), to verify webhook-signature",
      params: ContactMethodParams,
      response: { 200: z.object({ secret: z.string() }), ...errorResponses },
    },
    handler: (req) => webhookSecret(ctxOf(deps, req), req.params.id, req.params.contactMethodId),
  });
  app.delete('/api/v1/users/:id/contact-methods/:contactMethodId', {
    schema: { tags, summary: 'Remove a contact method', params: ContactMethodParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await deleteContactMethod(ctxOf(deps, req), req.params.id, req.params.contactMethodId);
      return reply.status(204).send(null);
    },
  });
}
