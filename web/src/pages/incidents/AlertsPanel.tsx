import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useIncidentAlerts } from '../../api/incidents';
import type { Alert } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { useFormat } from '../../time/useFormat';

/** The incident's alerts, each with why it is here (grouping rule, event rules, suppression). */
export function AlertsPanel({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useIncidentAlerts(incidentId);
  const items = q.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('incidents.alerts.title')}</h2>
      <ErrorNote error={q.error} />
      {q.data && items.length === 0 ? <p className="muted">{t('incidents.alerts.empty')}</p> : null}
      <ul className="list">
        {items.map((a) => (
          <li key={a.id} className="alert-item">
            <div className="row">
              <span className={`badge ${a.status}`}>{a.status}</span>
              <span className="badge">{a.severity}</span>
              <strong>{a.summary}</strong>
            </div>
            <div className="muted small">
              {a.source ? `${a.source} · ` : ''}
              {t('incidents.alerts.events', { count: a.eventCount })} · {t('incidents.alerts.lastSeen')} {f.time(a.lastSeenAt)}
            </div>
            <p className="why">
              <span className="muted">{t('incidents.alerts.why')}: </span>
              {whyHere(t, a).join(' · ')}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

type T = TFunction;

export function whyHere(t: T, a: Alert): string[] {
  const r = a.reason as Record<string, unknown>;
  const out: string[] = [];
  const g = r.grouping as Record<string, unknown> | undefined;
  if (g) {
    const n = (k: string) => String(g[k] ?? '');
    switch (g.rule) {
      case 'time_window':
        out.push(t('incidents.alerts.reasons.time_window', { windowMinutes: n('windowMinutes') }));
        break;
      case 'content':
        out.push(t('incidents.alerts.reasons.content', { fields: Array.isArray(g.fields) ? g.fields.join(', ') : '' }));
        break;
      case 'threshold':
        out.push(t('incidents.alerts.reasons.threshold', { needed: n('needed'), windowMinutes: n('windowMinutes'), count: n('count') }));
        break;
      case 'flapping':
        out.push(t('incidents.alerts.reasons.flapping', { windowMinutes: n('windowMinutes') }));
        break;
      default:
        out.push(t('incidents.alerts.reasons.none'));
    }
  }
  if (r.suppressedBy || a.status === 'suppressed') out.push(t('incidents.alerts.reasons.suppressed'));
  if (Array.isArray(r.rules) && r.rules.length) out.push(t('incidents.alerts.reasons.rules', { rules: r.rules.map((x) => (typeof x === 'string' ? x : ((x as { name?: string }).name ?? JSON.stringify(x)))).join(', ') }));
  if (r.routedFrom) out.push(t('incidents.alerts.reasons.routed'));
  if (!out.length) out.push(t('incidents.alerts.reasons.none'));
  return out;
}
