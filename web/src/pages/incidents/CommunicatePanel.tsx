import { useTranslation } from 'react-i18next';
import type { Incident } from '../../api/types';
import { CommunicateStakeholders } from './CommunicateStakeholders';
import { CommunicateStatusUpdate } from './CommunicateStatusUpdate';
import './communicate-panel.css';

/**
 * Telling people about the incident: customers and colleagues through status pages, and internal
 * stakeholders (executives, support, everyone) by e-mail. Both stay on the incident's timeline.
 */
export function CommunicatePanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  return (
    <section className="card admin-area communicate" aria-labelledby="communicate-title">
      <h2 id="communicate-title">{t('communicate.title')}</h2>
      <CommunicateStatusUpdate incident={incident} />
      <CommunicateStakeholders incident={incident} />
    </section>
  );
}
