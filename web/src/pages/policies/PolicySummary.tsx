import { useTranslation } from 'react-i18next';
import type { EscalationPolicy } from '../../api/oncall';

/** The saved policy in one glance: who each level pages, how long it waits, what happens after. */
export function PolicySummary({ policy }: { policy: EscalationPolicy }) {
  const { t } = useTranslation();
  return (
    <div className="policy-summary">
      <ol className="policy-flow">
        {policy.levels.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: levels are positional
          <li key={i}>
            <strong>{t('policies.levels.nth', { n: i + 1 })}</strong> {l.targets.map((x) => x.name ?? t('policies.targets.missing')).join(', ')}{' '}
            <span className="muted">{t('policies.list.wait', { minutes: l.delayMinutes })}</span>
          </li>
        ))}
      </ol>
      <p className="muted small">{policy.repeat ? t('policies.summary.repeat', { count: policy.repeat }) : t('policies.summary.stop')}</p>
    </div>
  );
}
