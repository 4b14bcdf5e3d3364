import { useTranslation } from 'react-i18next';
import { useScheduleOnCall } from '../../api/oncall';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../time/useFormat';

/** Who is on call on this schedule right now (layers and overrides), and until when. */
export function OnCallNowCard({ scheduleId }: { scheduleId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useScheduleOnCall(scheduleId);
  return (
    <section className="card" aria-labelledby="now-title">
      <h2 id="now-title">{t('schedules.now.title')}</h2>
      {q.isPending ? <Loading /> : null}
      <ErrorNote error={q.error} />
      {q.data ? (
        q.data.users.length ? (
          <ul className="list oncall-people">
            {q.data.users.map((u) => (
              <li key={u.id}>
                <strong>{u.name ?? t('schedules.members.unknown')}</strong>{' '}
                <span className="muted">{u.until ? t('schedules.now.until', { when: f.time(u.until) }) : t('schedules.now.noEnd')}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="warn-note">{t('schedules.now.nobody')}</p>
        )
      ) : null}
    </section>
  );
}
