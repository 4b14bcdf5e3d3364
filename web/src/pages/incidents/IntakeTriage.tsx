import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateIncident } from '../../api/incidents';
import type { Incident } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/ErrorNote';
import { useUser } from '../../session/session';

type Target = 'outage' | 'security';

/**
 * Escalate an inquiry into an outage or a security incident (PATCH { type }), after a confirmation.
 * The server keeps the history (incident.type_changed on the timeline) and restricts a security one.
 */
export function IntakeTriage({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const me = useUser();
  const update = useUpdateIncident(incident.id);
  const [target, setTarget] = useState<Target | null>(null);
  if (me.role === 'observer' || incident.status === 'closed' || incident.status === 'merged') return null;
  const ref = incident.reference;
  const confirm = () => {
    if (!target) return;
    update.mutate({ type: target }, { onSuccess: () => setTarget(null) });
  };
  return (
    <div className="intake-triage">
      <h3>{t('help.triage.title')}</h3>
      <p className="hint">{t('help.triage.hint')}</p>
      <div className="row">
        <button type="button" className="button" onClick={() => setTarget('outage')}>
          {t('help.triage.toOutage')}
        </button>
        <button type="button" className="button danger" onClick={() => setTarget('security')}>
          {t('help.triage.toSecurity')}
        </button>
      </div>
      <Dialog open={target !== null} title={t('help.triage.confirmTitle', { ref })} onClose={() => setTarget(null)}>
        <p>{target === 'security' ? t('help.triage.confirmSecurity', { ref }) : t('help.triage.confirmOutage', { ref })}</p>
        <ErrorNote error={update.error} />
        <div className="row dialog-actions">
          <button type="button" className="button primary" disabled={update.isPending} onClick={confirm}>
            {update.isPending ? t('common.saving') : t('help.triage.confirm')}
          </button>
          <button type="button" className="button" onClick={() => setTarget(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
