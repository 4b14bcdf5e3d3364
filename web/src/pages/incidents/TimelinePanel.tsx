import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIncidentRoles, usePin, useTimeline } from '../../api/incidents';
import type { Incident } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { localDate } from '../../time/format';
import { useFormat } from '../../time/useFormat';
import { describeEntry } from './describe-entry';
import { NoteForm } from './NoteForm';

/** Oldest first, with a date heading wherever the local day changes (multi-day incidents). */
export function TimelinePanel({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const q = useTimeline(incident.id);
  const roles = useIncidentRoles();
  const pin = usePin(incident.id);
  const [pinnedOnly, setPinnedOnly] = useState(false);
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const roleName = (key: string) => roles.data?.roles.find((r) => r.key === key)?.name[lang] ?? key;
  const entries = (q.data?.items ?? []).filter((e) => !pinnedOnly || e.pinned);
  let lastDay = '';
  return (
    <section className="card" aria-labelledby="timeline-title">
      <div className="row space-between">
        <h2 id="timeline-title">{t('incidents.timeline.title')}</h2>
        <label className="row">
          <input type="checkbox" checked={pinnedOnly} onChange={(e) => setPinnedOnly(e.target.checked)} /> {t('incidents.timeline.showPinned')}
        </label>
      </div>
      <NoteForm incidentId={incident.id} />
      {q.isPending ? <Loading /> : null}
      <ErrorNote error={q.error ?? pin.error} />
      {q.data && entries.length === 0 ? <p className="muted">{t('incidents.timeline.empty')}</p> : null}
      <ol className="timeline">
        {entries.map((e) => {
          const day = localDate(e.at, f.zone);
          const newDay = day !== lastDay;
          lastDay = day;
          const html = e.action === 'note.added' && typeof e.data.html === 'string' ? e.data.html : null;
          return (
            <Fragment key={e.id}>
              {newDay ? (
                <li className="day">
                  <strong>{f.date(e.at)}</strong>
                </li>
              ) : null}
              <li className={e.pinned ? 'pinned' : ''}>
                <div className="row space-between">
                  <span>
                    <time className="when" dateTime={e.at} title={f.dateTime(e.at)}>
                      {f.time(e.at, new Date(e.at))}
                    </time>{' '}
                    <strong>{describeEntry(t, e, roleName)}</strong>{' '}
                    <span className="muted">
                      {e.actor.type === 'system' ? t('incidents.timeline.system') : t('incidents.timeline.by', { name: e.actor.name })}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="button small"
                    aria-pressed={e.pinned}
                    disabled={pin.isPending}
                    onClick={() => pin.mutate({ entryId: e.id, pinned: !e.pinned })}
                  >
                    {e.pinned ? t('incidents.timeline.unpin') : t('incidents.timeline.pin')}
                  </button>
                </div>
                {html ? (
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and sanitised by the server (markdown-it + sanitize-html allow-list); test/web-incidents.test.ts posts script and event-handler payloads
                  <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />
                ) : null}
              </li>
            </Fragment>
          );
        })}
      </ol>
    </section>
  );
}
