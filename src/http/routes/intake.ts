import { errorResponses, IdParams, listOf } from '../../contracts/common.js';
import { CreatedIntakeReport, CreateIntakeReportBody, IntakeReport, ListIntakeReportsQuery } from '../../contracts/intake.js';
import { getIntakeReportOf } from '../../services/intake/get-for-incident.js';
import { listIntakeReports } from '../../services/intake/list.js';
import { reportProblem } from '../../services/intake/report.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['intake'];

/** The employee intake portal's API (the /help page of the web app). */
export async function intakeRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.post('/api/v1/intake-reports', {
    schema: {
      tags,
      summary: 'Report a problem (any signed-in person): becomes an inquiry incident',
      body: CreateIntakeReportBody,
      response: { 201: CreatedIntakeReport, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await reportProblem(ctxOf(deps, req), req.body)),
  });

  app.get('/api/v1/intake-reports', {
    schema: { tags, summary: 'Reports, newest first; flagged=true for the security team', querystring: ListIntakeReportsQuery, response: { 200: listOf(IntakeReport), ...errorResponses } },
    handler: (req) => listIntakeReports(ctxOf(deps, req), req.query),
  });

  app.get('/api/v1/incidents/:id/intake-report', {
    schema: { tags, summary: 'The intake report an incident came from (404 when none)', params: IdParams, response: { 200: IntakeReport, ...errorResponses } },
    handler: (req) => getIntakeReportOf(ctxOf(deps, req), req.params.id),
  });
}
