import {
  AddParticipantBody,
  AddResponderBody,
  AddTaskBody,
  AssignRoleBody,
  Participant,
  ParticipantParams,
  RoleParams,
  Task,
  TaskParams,
  TimelineEntryParams,
  UpdateTaskBody,
} from '../../contracts/collaboration.js';
import { errorResponses, IdParams, listOf, NoContent } from '../../contracts/common.js';
import { Incident, PinBody, TimelineEntry } from '../../contracts/incident.js';
import { addParticipant } from '../../services/incident/add-participant.js';
import { addResponder } from '../../services/incident/add-responder.js';
import { addTask } from '../../services/incident/add-task.js';
import { assignRole } from '../../services/incident/assign-role.js';
import { listParticipants } from '../../services/incident/list-participants.js';
import { listTasks } from '../../services/incident/list-tasks.js';
import { pinEntry } from '../../services/incident/pin-entry.js';
import { removeParticipant } from '../../services/incident/remove-participant.js';
import { unassignRole } from '../../services/incident/unassign-role.js';
import { updateTask } from '../../services/incident/update-task.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['incidents'];

/** Roles, tasks, responders, participants and pinned entries of one incident (SPEC §4.2). */
export async function collaborationRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.put('/api/v1/incidents/:id/roles/:role', {
    schema: { tags, summary: 'Assign a role, or hand it over from its holder', params: RoleParams, body: AssignRoleBody, response: { 200: Incident, ...errorResponses } },
    handler: (req) => assignRole(ctxOf(deps, req), req.params.id, req.params.role, req.body),
  });

  app.delete('/api/v1/incidents/:id/roles/:role', {
    schema: { tags, summary: 'Unassign a role', params: RoleParams, response: { 200: Incident, ...errorResponses } },
    handler: (req) => unassignRole(ctxOf(deps, req), req.params.id, req.params.role),
  });

  app.get('/api/v1/incidents/:id/tasks', {
    schema: { tags, summary: 'Tasks of the response, oldest first', params: IdParams, response: { 200: listOf(Task), ...errorResponses } },
    handler: (req) => listTasks(ctxOf(deps, req), req.params.id),
  });

  app.post('/api/v1/incidents/:id/tasks', {
    schema: { tags, summary: 'Add a task (its owner becomes a participant)', params: IdParams, body: AddTaskBody, response: { 201: Task, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await addTask(ctxOf(deps, req), req.params.id, req.body)),
  });

  app.patch('/api/v1/incidents/:id/tasks/:taskId', {
    schema: { tags, summary: 'Change a task: title, status, owner', params: TaskParams, body: UpdateTaskBody, response: { 200: Task, ...errorResponses } },
    handler: (req) => updateTask(ctxOf(deps, req), req.params.id, req.params.taskId, req.body),
  });

  app.post('/api/v1/incidents/:id/responders', {
    schema: { tags, summary: 'Add a responder: they become a participant and are paged', params: IdParams, body: AddResponderBody, response: { 201: Participant, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await addResponder(ctxOf(deps, req), req.params.id, req.body)),
  });

  app.get('/api/v1/incidents/:id/participants', {
    schema: { tags, summary: 'Participants (they see the incident even when it is restricted)', params: IdParams, response: { 200: listOf(Participant), ...errorResponses } },
    handler: (req) => listParticipants(ctxOf(deps, req), req.params.id),
  });

  app.post('/api/v1/incidents/:id/participants', {
    schema: {
      tags,
      summary: 'Add a participant without paging them (201; 200 when they already participate)',
      params: IdParams,
      body: AddParticipantBody,
      response: { 200: Participant, 201: Participant, ...errorResponses },
    },
    handler: async (req, reply) => {
      const { participant, created } = await addParticipant(ctxOf(deps, req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(participant);
    },
  });

  app.delete('/api/v1/incidents/:id/participants/:userId', {
    schema: { tags, summary: 'Remove a participant (not a current role holder)', params: ParticipantParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await removeParticipant(ctxOf(deps, req), req.params.id, req.params.userId);
      return reply.status(204).send(null);
    },
  });

  app.patch('/api/v1/incidents/:id/timeline/:entryId', {
    schema: { tags, summary: 'Pin or unpin a timeline entry (postmortems start from pinned entries)', params: TimelineEntryParams, body: PinBody, response: { 200: TimelineEntry, ...errorResponses } },
    handler: (req) => pinEntry(ctxOf(deps, req), req.params.id, req.params.entryId, req.body),
  });
}
