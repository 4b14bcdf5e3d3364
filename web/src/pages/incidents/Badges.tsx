import { useTranslation } from 'react-i18next';
import type { Incident } from '../../api/types';

export function StatusBadge({ status }: { status: Incident['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge ${status}`}>{t(`incidents.status.${status}`)}</span>;
}

export function SeverityBadge({ severity }: { severity: Incident['severity'] }) {
  return <span className={`badge ${severity}`}>{severity}</span>;
}

export function PriorityBadge({ priority }: { priority: Incident['priority'] }) {
  return <span className={`badge ${priority}`}>{priority}</span>;
}
