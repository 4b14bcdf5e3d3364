import { CreateIntakeReportBody } from '../../contracts/intake.js';
import { roleAtLeast } from '../../domain/access/permissions.js';
import { toLocale } from '../../notify/render/i18n.js';
import { usableZone } from '../../notify/render/time.js';
import { newId } from '../../platform/ids.js';
import type { Actor, ServiceContext } from '../context.js';
import { inTransaction } from '../context.js';
import { declareIncidentIn } from '../incident/declare.js';
import { DeclareIncidentBody } from '../../contracts/incident.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { recordOutbox } from '../shared/outbox.js';
import { parseInput } from '../shared/parse.js';
import { appendTimeline } from '../shared/timeline.js';
import { initialTriage, type IntakeAnswers, securityConcerns } from './assess.js';
import { describeReport } from './describe.js';
import { type IntakeReportView, selectReports, viewReport } from './view.js';

/**
 * Reporting a problem declares an inquiry for the reporter, whatever their role: an observer cannot
 * declare incidents, but every employee can report one (SPEC §4.5). The declaration is recorded as
 * theirs (timeline, audit, participant); only the role check is lifted, and only for this inquiry.
 */
function asDeclarer(actor: Actor): Actor {
  return roleAtLeast(actor.role, 'responder') ? actor : { ...actor, role: 'responder' };
}

/**
 * An employee's report from /help: becomes an `inquiry` incident (the declare use case, in this
 * transaction) whose description holds the answers, plus an intake_report row with the answers as
 * data. A "yes" to any security question flags the report for the security team; the incident stays
 * an inquiry, visible to triage, until someone escalates it.
 */
export async function reportProblem(
  ctx: ServiceContext,
  input: unknown,
): Promise<{ report: IntakeReportView; incident: { id: string; number: number; reference: string } }> {
  authorize(ctx.actor, 'intake.report');
  const body = parseInput(CreateIntakeReportBody, input);
  const answers: IntakeAnswers = { ...body, ...(body.startedAt ? { startedAt: new Date(body.startedAt).toISOString() } : {}) };
  const concerns = securityConcerns(answers);
  const flagged = concerns.length > 0;
  return inTransaction(ctx, async (t) => {
    const me = t.actor.userId
      ? await t.tx.selectFrom('appUser').select(['locale', 'timeZone']).where('id', '=', t.actor.userId).executeTakeFirst()
      : undefined;
    const triage = initialTriage(answers);
    // The inquiry is declared in this transaction, as the reporter with the role lifted (asDeclarer).
    const declarer = { ...t, actor: asDeclarer(t.actor) };
    const incident = await declareIncidentIn(declarer, parseInput(DeclareIncidentBody, {
      type: 'inquiry',
      title: answers.summary,
      description: describeReport(answers, toLocale(me?.locale), usableZone(me?.timeZone), t.now),
      ...(answers.startedAt ? { startedAt: answers.startedAt } : {}),
      ...(answers.serviceId ? { serviceId: answers.serviceId } : {}),
      impact: triage.impact,
      urgency: triage.urgency,
      assessment: triage.assessment,
    }));
    t.wroteOutbox ||= declarer.wroteOutbox;
    const id = newId();
    await t.tx
      .insertInto('intakeReport')
      .values({ id, incidentId: incident.id, reporterId: t.actor.userId, answers: JSON.stringify(answers), securityFlag: flagged ? 1 : 0, createdAt: t.now })
      .execute();
    await appendTimeline(t, incident.id, 'intake.reported', { reportId: id, affected: answers.affected.who, securityFlag: flagged, security: answers.security });
    if (flagged) await appendTimeline(t, incident.id, 'intake.security_flagged', { reportId: id, concerns });
    const report = viewReport(await selectReports(t.tx).where('r.id', '=', id).executeTakeFirstOrThrow());
    await recordAudit(t, { action: 'intake.reported', targetType: 'intake_report', targetId: id, after: report });
    await recordOutbox(t, 'intake.reported', incident.id, { incidentId: incident.id, reportId: id, securityFlag: flagged });
    return { report, incident: { id: incident.id, number: incident.number, reference: incident.reference } };
  });
}
