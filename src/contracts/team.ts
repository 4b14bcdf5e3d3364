import { z } from 'zod';
import { Id, Instant } from './common.js';
import { RoleSchema } from './user.js';

export const Team = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string(),
    security: z.boolean().describe('Members see restricted incidents'),
    memberCount: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Team' });

export const TeamMember = z
  .object({ userId: Id, name: z.string(), email: z.string(), role: RoleSchema, addedAt: Instant })
  .meta({ id: 'TeamMember' });

export const TeamDetail = Team.extend({ members: z.array(TeamMember) }).meta({ id: 'TeamDetail' });

export const CreateTeamBody = z
  .strictObject({
    name: z.string().trim().min(1, 'name is required').max(200),
    description: z.string().max(5000).optional(),
    security: z.boolean().optional().describe('A security team (CSIRT): members see restricted incidents. Owners only.'),
  })
  .meta({ id: 'CreateTeam' });

export const UpdateTeamBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(5000).optional(),
    security: z.boolean().optional().describe('Owners only'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'UpdateTeam' });

export const TeamMemberParams = z.strictObject({ id: Id, userId: Id });
