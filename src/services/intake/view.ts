import type { z } from 'zod';
import type { IntakeReport } from '../../contracts/intake.js';
import { formatIncidentNumber } from '../../domain/incident/types.js';
import type { Executor } from '../context.js';
import { securityConcerns } from './assess.js';

export type IntakeReportView = z.infer<typeof IntakeReport>;

/** Reports with their incident's current triage (type, status, visibility) and the reporter's name. */
export function selectReports(ex: Executor) {
  return ex
    .selectFrom('intakeReport as r')
    .innerJoin('incident as i', 'i.id', 'r.incidentId')
    .leftJoin('appUser as u', 'u.id', 'r.reporterId')
    .select([
      'r.id',
      'r.incidentId',
      'r.reporterId',
      'r.answers',
      'r.securityFlag',
      'r.createdAt',
      'i.number',
      'i.title',
      'i.type',
      'i.status',
      'i.visibility',
      'u.name as reporterName',
    ]);
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof selectReports>['executeTakeFirstOrThrow']>>;

export function viewReport(r: ReportRow): IntakeReportView {
  const answers = JSON.parse(r.answers) as IntakeReportView['answers'];
  return {
    id: r.id,
    incidentId: r.incidentId,
    incident: {
      id: r.incidentId,
      number: Number(r.number),
      reference: formatIncidentNumber(Number(r.number)),
      title: r.title,
      type: r.type as IntakeReportView['incident']['type'],
      status: r.status as IntakeReportView['incident']['status'],
      visibility: r.visibility as IntakeReportView['incident']['visibility'],
    },
    reporter: r.reporterId && r.reporterName ? { id: r.reporterId, name: r.reporterName } : null,
    answers,
    securityFlag: Number(r.securityFlag) === 1,
    securityConcerns: securityConcerns(answers),
    createdAt: r.createdAt,
  };
}
