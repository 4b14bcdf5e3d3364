import { useTranslation } from 'react-i18next';
import { type ReadinessWarning, useReadiness } from '../../api/admin';
import { ErrorNote } from '../../components/ErrorNote';

/** The server's readiness check, said in the reader's language; nothing when all is well. */
export function Readiness({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const q = useReadiness(userId);
  if (q.error) return <ErrorNote error={q.error} />;
  const warnings = q.data?.warnings ?? [];
  if (warnings.length === 0) return null;
  return (
    <section className="card readiness" aria-labelledby="readiness-title">
      <h2 id="readiness-title">{t('profile.readiness.title')}</h2>
      <ul className="list">
        {warnings.map((w) => (
          <li key={`${w.code}-${w.policy?.id ?? ''}-${w.level ?? ''}-${w.rule?.id ?? ''}`} className={`readiness-item ${w.severity}`}>
            <span className={`badge ${w.severity === 'warning' ? 'warn-badge' : 'info-badge'}`}>{t(`profile.readiness.${w.severity}`)}</span> <Text w={w} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Text({ w }: { w: ReadinessWarning }) {
  const { t } = useTranslation();
  switch (w.code) {
    case 'no_contact_method':
      return t('profile.readiness.noContactMethod');
    case 'default_rules':
      return t('profile.readiness.defaultRules');
    case 'no_high_urgency_rule':
      return t('profile.readiness.noHighUrgencyRule');
    case 'rule_unreachable':
      return t('profile.readiness.ruleUnreachable', {
        urgency: t(`profile.rules.urgency.${w.rule?.urgency === 'low' ? 'low' : 'high'}`),
        delay: w.rule?.delayMinutes ?? 0,
        policy: w.policy?.name ?? '',
        level: w.level ?? 0,
        levelDelay: w.levelDelayMinutes ?? 0,
      });
    case 'on_escalation_path_without_high_rule':
      return t('profile.readiness.onPathWithoutHighRule', {
        policies: (w.policies ?? []).map((p) => t('profile.readiness.policyLevels', { name: p.name, levels: p.levels.join(', ') })).join(t('profile.readiness.separator')),
      });
    default:
      return w.message;
  }
}
