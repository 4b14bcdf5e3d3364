import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Incident } from '../../api/types';
import { useFormat } from '../../time/useFormat';
import { PriorityBadge, SeverityBadge, StatusBadge } from './Badges';

/** One incident in the list: a single link, so the whole row is one tab stop. */
export const IncidentRow = memo(function IncidentRow({ incident: i, serviceName }: { incident: Incident; serviceName?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <li className={`incident-row ${i.status}`}>
      <Link to={`/incidents/${i.id}`}>
        <span className="ref">{i.reference}</span>
        <span className="title">{i.title}</span>
        <span className="meta">
          <StatusBadge status={i.status} />
          <SeverityBadge severity={i.severity} />
          <PriorityBadge priority={i.priority} />
          {i.type !== 'outage' ? <span className="badge">{t(`incidents.type.${i.type}`)}</span> : null}
        </span>
        <span className="service">{serviceName ?? ''}</span>
        <time className="when" dateTime={i.startedAt} title={f.dateTime(i.startedAt)}>
          {f.time(i.startedAt)}
        </time>
      </Link>
    </li>
  );
});
