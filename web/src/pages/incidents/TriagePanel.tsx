import { useTranslation } from 'react-i18next';
import { useUpdateIncident } from '../../api/incidents';
import type { Incident } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';

/** Severity, impact and urgency; the server derives the priority from impact × urgency. */
export function TriagePanel({ incident: i }: { incident: Incident }) {
  const { t } = useTranslation();
  const update = useUpdateIncident(i.id);
  const closed = i.status === 'closed' || i.status === 'merged';
  const level = (n: 1 | 2 | 3) => t(`incidents.triage.level.${n}`);
  return (
    <section className="card" aria-labelledby="triage-title">
      <h2 id="triage-title">{t('incidents.triage.title')}</h2>
      <div className="grid-2">
        <Field label={t('incidents.triage.severity')}>
          {(id) => (
            <select id={id} value={i.severity} disabled={closed || update.isPending} onChange={(e) => update.mutate({ severity: e.target.value })}>
              {['SEV1', 'SEV2', 'SEV3', 'SEV4'].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('incidents.triage.priority')}>{(id) => <output id={id}>{i.priority}</output>}</Field>
        <Field label={t('incidents.triage.impact')}>
          {(id) => (
            <select id={id} value={i.impact} disabled={closed || update.isPending} onChange={(e) => update.mutate({ impact: Number(e.target.value) })}>
              {([1, 2, 3] as const).map((n) => (
                <option key={n} value={n}>
                  {level(n)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('incidents.triage.urgency')}>
          {(id) => (
            <select id={id} value={i.urgency} disabled={closed || update.isPending} onChange={(e) => update.mutate({ urgency: Number(e.target.value) })}>
              {([1, 2, 3] as const).map((n) => (
                <option key={n} value={n}>
                  {level(n)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorNote error={update.error} />
    </section>
  );
}
