import { z } from 'zod';
import { Id, Instant } from './common.js';

/** Incident collaboration: roles, tasks, responders, participants, pinned timeline entries. */

export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);

export const RoleParams = z.strictObject({
  id: Id,
  role: z.string().min(1).max(100).describe('A role key from GET /api/v1/settings/incident-roles'),
});

export const AssignRoleBody = z
  .strictObject({ userId: Id.describe('Who takes the role; whoever held it hands it over') })
  .meta({ id: 'AssignRole' });

export const Task = z
  .object({
    id: Id,
    incidentId: Id,
    title: z.string(),
    status: TaskStatus,
    ownerId: Id.nullable(),
    ownerName: z.string().nullable(),
    createdAt: Instant,
    updatedAt: Instant,
    completedAt: Instant.nullable().describe('When the task became done; null otherwise'),
  })
  .meta({ id: 'IncidentTask' });

export const AddTaskBody = z
  .strictObject({
    title: z.string().trim().min(1, 'title is required').max(500),
    ownerId: Id.optional().describe('The owner becomes a participant of the incident'),
  })
  .meta({ id: 'AddTask' });

export const UpdateTaskBody = z
  .strictObject({
    title: z.string().trim().min(1, 'title cannot be empty').max(500).optional(),
    status: TaskStatus.optional(),
    ownerId: Id.nullable().optional().describe('null takes the owner away'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'UpdateTask' });

export const TaskParams = z.strictObject({ id: Id, taskId: Id });

export const PARTICIPANT_REASONS = ['declared', 'role', 'task', 'responder', 'added', 'paged'] as const;

export const Participant = z
  .object({
    userId: Id,
    name: z.string(),
    reason: z.string().describe(`Why they first joined: ${PARTICIPANT_REASONS.join(', ')}`),
    addedAt: Instant,
  })
  .meta({ id: 'IncidentParticipant' });

export const AddParticipantBody = z.strictObject({ userId: Id }).meta({ id: 'AddParticipant' });

export const AddResponderBody = z
  .strictObject({
    userId: Id.describe('The person to page; they become a participant'),
    message: z.string().trim().max(2000).optional().describe('Shown in the page'),
  })
  .meta({ id: 'AddResponder' });

export const ParticipantParams = z.strictObject({ id: Id, userId: Id });

export const TimelineEntryParams = z.strictObject({ id: Id, entryId: Id });
