import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type EscalationPolicy, useOnCallNow, usePolicies } from '../../api/oncall';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ZoneNote } from '../../components/ZoneNote';
import { useFormat } from '../../time/useFormat';

/** The policies that page each schedule (a level names it as a target). */
function policiesBySchedule(policies: EscalationPolicy[]): Map<string, EscalationPolicy[]> {
  const m = new Map<string, EscalationPolicy[]>();
  for (const p of policies) {
    const ids = new Set(p.levels.flatMap((l) => l.targets.filter((x) => x.type === 'schedule').map((x) => x.id)));
    for (const id of ids) m.set(id, [...(m.get(id) ?? []), p]);
  }
  return m;
}

/** Who is on call right now on every schedule, until when, and which policies page them. */
export function OnCallPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useOnCallNow();
  const policies = usePolicies();
  const using = policiesBySchedule(policies.data?.items ?? []);
  return (
    <>
      <PageHeader title={t('oncall.title')}>
        <p className="muted">{q.data ? t('oncall.asOf', { when: f.time(q.data.at) }) : null}</p>
      </PageHeader>
      <ZoneNote />
      <ErrorNote error={q.error} />
      {q.isPending ? <Loading /> : null}
      {q.data && !q.data.items.length ? (
        <p className="muted">
          {t('oncall.empty')} <Link to="/schedules">{t('oncall.toSchedules')}</Link>
        </p>
      ) : null}
      <ul className="oncall-grid list">
        {q.data?.items.map((s) => {
          const ps = using.get(s.scheduleId) ?? [];
          return (
            <li key={s.scheduleId} className="card oncall-card">
              <h2>
                <Link to={`/schedules/${s.scheduleId}`}>{s.scheduleName}</Link>
              </h2>
              <p className="muted small">{t('oncall.scheduleZone', { zone: s.timeZone })}</p>
              {s.users.length ? (
                <ul className="list oncall-people" aria-label={t('oncall.people', { name: s.scheduleName })}>
                  {s.users.map((u) => (
                    <li key={u.id}>
                      <strong>{u.name ?? t('oncall.unknown')}</strong>{' '}
                      <span className="muted">{u.until ? t('oncall.until', { when: f.time(u.until) }) : t('oncall.noEnd')}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="warn-note">{t('oncall.nobody')}</p>
              )}
              <p className="small">
                <span className="muted">{t('oncall.policies')}: </span>
                {ps.length
                  ? ps.map((p, i) => (
                      <span key={p.id}>
                        {i ? ', ' : ''}
                        <Link to={`/escalation-policies/${p.id}`}>{p.name}</Link>
                      </span>
                    ))
                  : t('oncall.noPolicy')}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
