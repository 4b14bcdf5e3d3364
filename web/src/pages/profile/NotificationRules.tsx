import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type ContactType, URGENCIES, type Urgency, useContactMethods, useNotificationRuleMutations, useNotificationRules } from '../../api/admin';
import type { NotificationRule } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { AddRuleForm } from './AddRuleForm';

/** "Email at once, SMS after 2 minutes": one ladder per urgency, in the order it runs. */
export function NotificationRules({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const rules = useNotificationRules(userId);
  const contacts = useContactMethods(userId);
  const m = useNotificationRuleMutations(userId);
  const all = rules.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="notification-rules">
      <h2 id="notification-rules">{t('profile.rules.title')}</h2>
      <p className="muted">{t('profile.rules.intro')}</p>
      <ErrorNote error={rules.error ?? m.remove.error} />
      {rules.isPending ? (
        <Loading />
      ) : (
        <div className="grid-2">
          {URGENCIES.map((u) => (
            <UrgencyRules
              key={u}
              urgency={u}
              rules={all.filter((r) => r.urgency === u).sort((a, b) => a.delayMinutes - b.delayMinutes)}
              onDelete={(id) => m.remove.mutate(id)}
              busy={m.remove.isPending}
            >
              <AddRuleForm urgency={u} contacts={contacts.data?.items ?? []} mutation={m.add} />
            </UrgencyRules>
          ))}
        </div>
      )}
    </section>
  );
}

function UrgencyRules({
  urgency,
  rules,
  onDelete,
  busy,
  children,
}: {
  urgency: Urgency;
  rules: NotificationRule[];
  onDelete: (id: string) => void;
  busy: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headId = `rules-${urgency}`;
  return (
    <section className="urgency-rules" aria-labelledby={headId}>
      <h3 id={headId}>
        <span className={`badge urgency-${urgency}`}>{t(`profile.rules.urgency.${urgency}`)}</span>
      </h3>
      <p className="hint">{t(`profile.rules.urgencyHint.${urgency}`)}</p>
      {rules.length === 0 ? (
        <p className="muted">{t('profile.rules.emptyUrgency')}</p>
      ) : (
        <ol className="rule-list">
          {rules.map((r) => (
            <li key={r.id} className="rule-item">
              <span>
                <strong>{r.delayMinutes === 0 ? t('profile.rules.atOnce') : t('profile.rules.after', { minutes: r.delayMinutes })}</strong>{' '}
                {t(`profile.contactTypes.${r.contactMethod.type as ContactType}.label`)} <span className="muted break">{r.contactMethod.address}</span>
              </span>
              <button
                type="button"
                className="button small"
                aria-label={t('profile.rules.deleteLabel', { address: r.contactMethod.address, minutes: r.delayMinutes })}
                disabled={busy}
                onClick={() => onDelete(r.id)}
              >
                {t('common.delete')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {children}
    </section>
  );
}
