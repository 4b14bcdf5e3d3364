import { z } from 'zod';
import { ActorRef, Instant, Limit } from './common.js';

export const AuditEntry = z
  .object({
    seq: z.number().int().describe('Position in the hash chain, 1 first'),
    at: Instant,
    actor: ActorRef,
    action: z.string().describe('e.g. incident.acknowledged, service.created, incident.restricted_read'),
    targetType: z.string(),
    targetId: z.string().nullable(),
    before: z.unknown().describe('The changed fields before the change (JSON), or null'),
    after: z.unknown().describe('The changed fields after the change (JSON), or null'),
    requestId: z.string().nullable(),
    hash: z.string().describe('SHA-256 of the previous hash and this entry (hex)'),
  })
  .meta({ id: 'AuditEntry' });

export const ListAuditQuery = z.strictObject({
  action: z.string().trim().min(1).max(200).optional().describe('Exact action, or a prefix ending in `*` such as `incident.*`'),
  targetType: z.string().trim().min(1).max(100).optional(),
  targetId: z.string().trim().min(1).max(200).optional(),
  actorId: z.string().trim().min(1).max(200).optional().describe('User or API token id'),
  cursor: z.string().max(100).optional(),
  limit: Limit,
});

const Problem = z.object({
  kind: z.enum(['gap', 'prev_mismatch', 'hash_mismatch', 'head_mismatch']),
  seq: z.number().int().describe('The first row that is not what the chain says'),
  message: z.string().describe('e.g. "row 17 was edited (hash mismatch)"'),
  expectedSeq: z.number().int().optional(),
  foundSeq: z.number().int().optional(),
  headSeq: z.number().int().optional(),
  lastSeq: z.number().int().optional(),
});

export const AuditVerifyResult = z
  .object({
    ok: z.boolean(),
    entries: z.number().int().describe('Rows verified intact (before the first problem, when there is one)'),
    headSeq: z.number().int().optional().describe('The chain head (when ok)'),
    problem: Problem.optional(),
  })
  .meta({ id: 'AuditVerifyResult' });
