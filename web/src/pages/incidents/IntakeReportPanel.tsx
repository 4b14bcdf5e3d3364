import { useTranslation } from 'react-i18next';
import { useServices, useTimeline } from '../../api/incidents';
import type { Incident } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { useFormat } from '../../time/useFormat';
import { SECURITY_QUESTIONS, useIntakeReportOf } from '../help/api';
import { IntakeTriage } from './IntakeTriage';
import './intake-panel.css';

/**
 * The report an incident came from (/help), with a visible flag when a security question was
 * answered yes, and for an inquiry the triage control. Nothing at all for other incidents.
 */
export function IntakeReportPanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const f = useFormat();
  const timeline = useTimeline(incident.id);
  const q = useIntakeReportOf(incident.id, Boolean(timeline.data?.items.some((e) => e.action === 'intake.reported')));
  const services = useServices();
  if (q.error) return <ErrorNote error={q.error} />;
  const r = q.data;
  if (!r) return null;
  const a = r.answers;
  const dash = t('help.report.notGiven');
  const service = a.serviceId ? (services.data?.items.find((s) => s.id === a.serviceId)?.name ?? a.serviceId) : dash;
  const concerns = r.securityConcerns.map((c) => t(`help.form.questions.${c}`)).join(' / ');
  return (
    <section className="card intake-report" aria-labelledby="intake-title">
      <h2 id="intake-title">
        {t('help.report.title')} {r.securityFlag ? <span className="badge security-flag">{t('help.report.flag')}</span> : null}
      </h2>
      {r.securityFlag ? <p className="flag-note">{t('help.report.flagNote', { questions: concerns })}</p> : null}
      <dl>
        <dt>{t('help.report.reporter')}</dt>
        <dd>{r.reporter?.name ?? t('help.report.deleted')}</dd>
        <dt>{t('help.report.reportedAt')}</dt>
        <dd>{f.dateTime(r.createdAt)}</dd>
        <dt>{t('help.report.startedAt')}</dt>
        <dd>{a.startedAt ? f.dateTime(a.startedAt) : dash}</dd>
        <dt>{t('help.report.affected')}</dt>
        <dd>
          {t(`help.form.who.${a.affected.who}`)}
          {a.affected.count ? ` (${t('help.report.people', { count: a.affected.count })})` : ''}
        </dd>
        <dt>{t('help.report.cannotDo')}</dt>
        <dd>{a.cannotDo}</dd>
        <dt>{t('help.report.scope')}</dt>
        <dd>{a.scope || dash}</dd>
        <dt>{t('help.report.device')}</dt>
        <dd>{a.device ? `${t(`help.form.deviceKinds.${a.device.kind}`)}${a.device.details ? `: ${a.device.details}` : ''}` : dash}</dd>
        <dt>{t('help.report.service')}</dt>
        <dd>{service}</dd>
        {a.details ? (
          <>
            <dt>{t('help.report.details')}</dt>
            <dd>{a.details}</dd>
          </>
        ) : null}
      </dl>
      <h3 className="small">{t('help.report.security')}</h3>
      <ul className="list small">
        {SECURITY_QUESTIONS.map((k) => (
          <li key={k}>
            {t(`help.form.questions.${k}`)} <strong className={a.security[k] === 'yes' ? 'flag-note' : undefined}>{t(`help.form.answers.${a.security[k]}`)}</strong>
          </li>
        ))}
      </ul>
      {incident.type === 'inquiry' ? <IntakeTriage incident={incident} /> : null}
    </section>
  );
}
