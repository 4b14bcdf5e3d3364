import { z } from 'zod';
import { PRIORITIES } from '../domain/incident/types.js';
import { MAX_ROLES, ROLE_KEY } from '../domain/incident/roles.js';

const RoleName = z.string().trim().min(1, 'a role needs a name').max(100);

export const IncidentRoleDefSchema = z
  .strictObject({
    key: z.string().regex(ROLE_KEY, 'must be 2–40 characters: a lower-case letter, then letters, digits or _'),
    name: z.strictObject({
      en: RoleName,
      ja: RoleName.optional().describe('The English name when absent'),
    }),
  })
  .meta({ id: 'IncidentRoleDefinition' });

export const IncidentRolesSetting = z
  .strictObject({
    roles: z
      .array(IncidentRoleDefSchema)
      .min(1, 'at least one role')
      .max(MAX_ROLES, `at most ${MAX_ROLES} roles`)
      .describe('In display order; keys are unique and "commander" is always kept'),
  })
  .meta({ id: 'IncidentRoles' });

export const IncidentRolesView = z
  .object({ roles: z.array(z.object({ key: z.string(), name: z.object({ en: z.string(), ja: z.string() }) })) })
  .meta({ id: 'IncidentRolesView' });

const P = z.enum(PRIORITIES);
const MatrixRow = z.tuple([P, P, P], { error: 'each row holds three priorities, for urgency 1, 2 and 3' });

export const PriorityMatrixSetting = z
  .strictObject({
    matrix: z
      .tuple([MatrixRow, MatrixRow, MatrixRow], { error: 'three rows, for impact 1, 2 and 3' })
      .describe('matrix[impact-1][urgency-1]; impact and urgency run 1 (highest) to 3. Existing incidents keep their priority until their impact or urgency changes'),
  })
  .meta({ id: 'PriorityMatrixSetting' });
