import { useTranslation } from 'react-i18next';
import type { PostedIncident } from '../../api/types';
import { useFormat } from '../../time/useFormat';
import { publicPath } from '../status-pages/api';

/** What each status page shows about this incident: its public title, status and updates, newest first. */
export function CommunicatePosted({ items }: { items: PostedIncident[] | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!items) return null;
  if (items.length === 0) return <p className="muted">{t('communicate.statusUpdate.none')}</p>;
  return (
    <div className="posted">
      <h4>{t('communicate.statusUpdate.history')}</h4>
      {items.map((p) => (
        <article key={p.id} className="posted-page" aria-label={t('communicate.statusUpdate.onPage', { page: p.pageName })}>
          <div className="row">
            <strong>{p.pageName}</strong>
            <span className={`badge ${p.status}`}>{t(`communicate.updateStatus.${p.status}`)}</span>
            <span className="badge">{t(`communicate.impact.${p.impact}`)}</span>
            <a href={publicPath(p.pageSlug)}>{t('communicate.statusUpdate.openPage', { page: p.pageName })}</a>
          </div>
          <p className="muted small">{t('communicate.statusUpdate.publicTitleIs', { title: p.title })}</p>
          <ol className="timeline">
            {p.updates.map((u) => (
              <li key={u.id}>
                <div className="row">
                  <strong>{t(`communicate.updateStatus.${u.status}`)}</strong>
                  <time className="muted small" dateTime={u.createdAt}>
                    {f.dateTime(u.createdAt)}
                  </time>
                  {u.createdBy ? <span className="muted small">{u.createdBy.name}</span> : null}
                </div>
                <p className="message">{u.message}</p>
              </li>
            ))}
          </ol>
        </article>
      ))}
    </div>
  );
}
