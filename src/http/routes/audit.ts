import { AuditEntry, AuditVerifyResult, ListAuditQuery } from '../../contracts/audit.js';
import { errorResponses, listOf } from '../../contracts/common.js';
import { listAudit } from '../../services/audit/list.js';
import { verifyAudit } from '../../services/audit/verify.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['audit'];

export async function auditRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.get('/api/v1/audit', {
    schema: { tags, summary: 'The audit log, newest first', querystring: ListAuditQuery, response: { 200: listOf(AuditEntry), ...errorResponses } },
    handler: (req) => listAudit(ctxOf(deps, req), req.query),
  });

  app.get('/api/v1/audit/verify', {
    schema: {
      tags,
      summary: 'Verify the audit hash chain (200 either way; `ok` says whether it is intact)',
      response: { 200: AuditVerifyResult, ...errorResponses },
    },
    handler: (req) => verifyAudit(ctxOf(deps, req)),
  });
}
