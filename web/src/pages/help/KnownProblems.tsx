import { useTranslation } from 'react-i18next';
import type { StatusPage } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../time/useFormat';
import { type PageSummary, useInternalStatusPages, usePageSummary } from './api';

/** "Is this a known problem?": every internal status page, with what is wrong on it now. */
export function KnownProblems() {
  const { t } = useTranslation();
  const pages = useInternalStatusPages();
  return (
    <section className="card known-problems" aria-labelledby="known-title">
      <h2 id="known-title">{t('help.known.title')}</h2>
      <p className="hint">{t('help.known.intro')}</p>
      {pages.isPending ? (
        <Loading />
      ) : pages.error ? (
        <ErrorNote error={pages.error} />
      ) : pages.data.length === 0 ? (
        <p className="muted known-empty">{t('help.known.empty')}</p>
      ) : (
        pages.data.map((p) => <PageStatus key={p.id} page={p} />)
      )}
    </section>
  );
}

const NAMES = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'] as const;
const COMPONENT = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'] as const;
const known = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

function PageStatus({ page }: { page: StatusPage }) {
  const { t } = useTranslation();
  const f = useFormat();
  const summary = usePageSummary(page.slug);
  const href = `/status/${encodeURIComponent(page.slug)}`;
  const s: PageSummary | undefined = summary.data;
  const broken = s?.components.filter((c) => !c.group && c.status !== 'operational') ?? [];
  const maintenance = s?.scheduled_maintenances.filter((m) => m.status === 'in_progress') ?? [];
  return (
    <article className={`page-status indicator-${s?.status.indicator ?? 'unknown'}`} aria-labelledby={`page-${page.id}`}>
      <h3 id={`page-${page.id}`}>{page.name}</h3>
      {summary.isPending ? <Loading /> : null}
      {summary.error ? <p className="muted">{t('help.known.unavailable', { name: page.name })}</p> : null}
      {s ? (
        <>
          <p className="overall" role="status">
            {t(`help.known.indicator.${s.status.indicator}`)}
          </p>
          {s.incidents.length > 0 ? (
            <>
              <h4>{t('help.known.incidents')}</h4>
              <ul className="list">
                {s.incidents.map((i) => {
                  const latest = i.incident_updates[0];
                  return (
                    <li key={i.id}>
                      <strong>{i.name}</strong> <span className="badge">{known(NAMES, i.status) ? t(`help.known.incidentStatus.${i.status}`) : i.status}</span>
                      {latest ? (
                        <p className="small">
                          {latest.body} <span className="muted">({t('help.known.latest', { time: f.dateTime(latest.created_at) })})</span>
                        </p>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
          {broken.length > 0 ? (
            <>
              <h4>{t('help.known.components')}</h4>
              <ul className="list">
                {broken.map((c) => (
                  <li key={c.id}>
                    {c.name}: <span className={`badge ${c.status}`}>{known(COMPONENT, c.status) ? t(`help.known.componentStatus.${c.status}`) : c.status}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {maintenance.length > 0 ? (
            <>
              <h4>{t('help.known.maintenance')}</h4>
              <ul className="list">
                {maintenance.map((m) => (
                  <li key={m.id}>
                    {m.name} <span className="muted">({f.range(m.scheduled_for, m.scheduled_until)})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {s.incidents.length === 0 && broken.length === 0 && maintenance.length === 0 ? <p className="muted">{t('help.known.allGood')}</p> : null}
        </>
      ) : null}
      <p>
        <a href={href}>{t('help.known.open', { name: page.name })}</a>
      </p>
    </article>
  );
}
