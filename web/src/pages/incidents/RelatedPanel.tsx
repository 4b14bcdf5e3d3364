import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get } from '../../api/client';
import type { Incident, Page } from '../../api/types';
import { useFormat } from '../../time/useFormat';
import { StatusBadge } from './Badges';

/** Incidents on the same service in the last 30 days, and the one this was merged into. */
export function RelatedPanel({ incident: i }: { incident: Incident }) {
  const { t } = useTranslation();
  const f = useFormat();
  const since = new Date(Date.parse(i.createdAt) - 30 * 86_400_000).toISOString();
  const q = useQuery({
    queryKey: ['incidents', 'related', i.id, i.serviceId],
    enabled: Boolean(i.serviceId),
    queryFn: () => get<Page<Incident>>('/api/v1/incidents', { serviceId: i.serviceId, updatedSince: since, limit: 6 }),
  });
  const items = (q.data?.items ?? []).filter((x) => x.id !== i.id).slice(0, 5);
  return (
    <section className="card" aria-labelledby="related-title">
      <h2 id="related-title">{t('incidents.related.title')}</h2>
      {i.mergedIntoId ? (
        <p>
          <Link to={`/incidents/${i.mergedIntoId}`}>{t('incidents.detail.mergedInto')}</Link>
        </p>
      ) : null}
      {i.serviceId ? (
        <>
          <h3>{t('incidents.related.sameService')}</h3>
          {items.length === 0 ? <p className="muted">{t('incidents.related.empty')}</p> : null}
          <ul className="list">
            {items.map((x) => (
              <li key={x.id}>
                <Link to={`/incidents/${x.id}`}>
                  {x.reference} {x.title}
                </Link>{' '}
                <StatusBadge status={x.status} /> <span className="muted">{f.time(x.startedAt)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
