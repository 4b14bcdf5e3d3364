import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useIncident } from '../../api/incidents';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { ZoneNote } from '../../components/ZoneNote';
import { AlertsPanel } from './AlertsPanel';
import { AssessmentPanel } from './AssessmentPanel';
import { CommunicatePanel } from './CommunicatePanel';
import { PriorityBadge, SeverityBadge, StatusBadge } from './Badges';
import { IncidentActions } from './IncidentActions';
import { IncidentFacts } from './IncidentFacts';
import { IntakeReportPanel } from './IntakeReportPanel';
import { NotificationsPanel } from './NotificationsPanel';
import { RelatedPanel } from './RelatedPanel';
import { RolesPanel } from './RolesPanel';
import { TasksPanel } from './TasksPanel';
import { TimelinePanel } from './TimelinePanel';
import { TriagePanel } from './TriagePanel';

export function IncidentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useIncident(id);
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorNote error={q.error} />;
  const inc = q.data;
  return (
    <article aria-labelledby="incident-title">
      <p>
        <Link to="/incidents">← {t('incidents.detail.back')}</Link>
      </p>
      <header className="incident-head">
        <h1 id="incident-title">
          <span className="muted">{inc.reference}</span> {inc.title}
        </h1>
        <div className="badges">
          <StatusBadge status={inc.status} />
          <SeverityBadge severity={inc.severity} />
          <PriorityBadge priority={inc.priority} />
          <span className="badge">{t(`incidents.type.${inc.type}`)}</span>
        </div>
        <ZoneNote />
      </header>
      <IncidentActions incident={inc} />
      <div className="incident-grid">
        <div>
          <TimelinePanel incident={inc} />
          <CommunicatePanel incident={inc} />
          <AlertsPanel incidentId={inc.id} />
          <NotificationsPanel incidentId={inc.id} />
          <TasksPanel incidentId={inc.id} />
        </div>
        <div>
          <IncidentFacts incident={inc} />
          <IntakeReportPanel incident={inc} />
          <TriagePanel incident={inc} />
          <RolesPanel incident={inc} />
          <AssessmentPanel incident={inc} />
          <RelatedPanel incident={inc} />
        </div>
      </div>
    </article>
  );
}
