import { useTranslation } from 'react-i18next';
import { type LifecycleVerb, useEscalate, useLifecycle } from '../../api/incidents';
import type { Incident } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';

/** The verbs allowed from each status (domain/incident/lifecycle.ts), most urgent first. */
const VERBS: Record<Incident['status'], (LifecycleVerb | 'escalate')[]> = {
  triggered: ['acknowledge', 'resolve', 'escalate'],
  acknowledged: ['resolve', 'escalate'],
  resolved: ['close', 'reopen'],
  declined: ['reopen'],
  closed: [],
  merged: [],
};

/** Acknowledge, resolve, escalate … one tap each; on phones the bar sticks to the bottom. */
export function IncidentActions({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const lifecycle = useLifecycle(incident.id);
  const escalate = useEscalate(incident.id);
  const busy = lifecycle.isPending || escalate.isPending;
  const verbs = VERBS[incident.status];
  if (!verbs.length) return null;
  return (
    <>
      <div className="responder-actions" role="toolbar" aria-label={t('incidents.actions.label')}>
        {verbs.map((v, i) => (
          <button
            key={v}
            type="button"
            className={`button ${i === 0 ? 'primary' : ''}`}
            disabled={busy}
            onClick={() => (v === 'escalate' ? escalate.mutate(undefined) : lifecycle.mutate(v))}
          >
            {t(`incidents.actions.${v}`)}
          </button>
        ))}
      </div>
      <ErrorNote error={lifecycle.error ?? escalate.error} />
    </>
  );
}
