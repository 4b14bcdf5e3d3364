import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactMethod, Urgency, useNotificationRuleMutations } from '../../api/admin';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';

type AddMutation = ReturnType<typeof useNotificationRuleMutations>['add'];

/** Add one step: this contact method, so many minutes after being paged. */
export function AddRuleForm({ urgency, contacts, mutation }: { urgency: Urgency; contacts: ContactMethod[]; mutation: AddMutation }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState('');
  const [delay, setDelay] = useState('0');
  const [error, setError] = useState<unknown>(null);
  const contactMethodId = contacts.some((c) => c.id === picked) ? picked : (contacts[0]?.id ?? '');
  if (contacts.length === 0) return <p className="hint">{t('profile.rules.needContact')}</p>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    // One mutation serves both urgencies; each form keeps its own error.
    mutation.mutate({ urgency, contactMethodId, delayMinutes: Number(delay) }, { onSuccess: () => setDelay('0'), onError: setError });
  };
  return (
    <form className="add-rule" onSubmit={submit} noValidate aria-label={t('profile.rules.addFor', { urgency: t(`profile.rules.urgency.${urgency}`) })}>
      <div className="row add-rule-fields">
        <Field label={t('profile.rules.contact')}>
          {(id) => (
            <select id={id} value={contactMethodId} onChange={(e) => setPicked(e.target.value)}>
              {contacts.map((c) => (
                <option key={c.id} value={c.id}>
                  {t(`profile.contactTypes.${c.type}.label`)}: {c.address}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('profile.rules.delay')}>
          {(id) => <input id={id} type="number" inputMode="numeric" min={0} max={1440} step={1} value={delay} onChange={(e) => setDelay(e.target.value)} />}
        </Field>
      </div>
      <ErrorNote error={error} />
      <button type="submit" className="button" disabled={mutation.isPending}>
        {t('profile.rules.add')}
      </button>
    </form>
  );
}
