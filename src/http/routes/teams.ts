import { errorResponses, IdParams, listOf, NoContent } from '../../contracts/common.js';
import { CreateTeamBody, Team, TeamDetail, TeamMemberParams, UpdateTeamBody } from '../../contracts/team.js';
import { addTeamMember } from '../../services/team/add-member.js';
import { createTeam } from '../../services/team/create.js';
import { deleteTeam } from '../../services/team/delete.js';
import { getTeam } from '../../services/team/get.js';
import { listTeams } from '../../services/team/list.js';
import { removeTeamMember } from '../../services/team/remove-member.js';
import { updateTeam } from '../../services/team/update.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['teams'];

export async function teamsRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.get('/api/v1/teams', {
    schema: { tags, summary: 'List teams by name', response: { 200: listOf(Team), ...errorResponses } },
    handler: (req) => listTeams(ctxOf(deps, req)),
  });
  app.post('/api/v1/teams', {
    schema: { tags, summary: 'Create a team (a security team: owners only)', body: CreateTeamBody, response: { 201: TeamDetail, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await createTeam(ctxOf(deps, req), req.body)),
  });
  app.get('/api/v1/teams/:id', {
    schema: { tags, summary: 'Get a team with its members', params: IdParams, response: { 200: TeamDetail, ...errorResponses } },
    handler: (req) => getTeam(ctxOf(deps, req), req.params.id),
  });
  app.patch('/api/v1/teams/:id', {
    schema: { tags, summary: 'Change a team (the security flag: owners only)', params: IdParams, body: UpdateTeamBody, response: { 200: TeamDetail, ...errorResponses } },
    handler: (req) => updateTeam(ctxOf(deps, req), req.params.id, req.body),
  });
  app.delete('/api/v1/teams/:id', {
    schema: { tags, summary: 'Delete a team (a security team: owners only)', params: IdParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await deleteTeam(ctxOf(deps, req), req.params.id);
      return reply.status(204).send(null);
    },
  });
  app.put('/api/v1/teams/:id/members/:userId', {
    schema: { tags, summary: 'Add a member (to a security team: owners only)', params: TeamMemberParams, response: { 200: TeamDetail, ...errorResponses } },
    handler: (req) => addTeamMember(ctxOf(deps, req), req.params.id, req.params.userId),
  });
  app.delete('/api/v1/teams/:id/members/:userId', {
    schema: { tags, summary: 'Remove a member', params: TeamMemberParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await removeTeamMember(ctxOf(deps, req), req.params.id, req.params.userId);
      return reply.status(204).send(null);
    },
  });
}
