import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_TYPES, type ContactType, type useContactMethodMutations } from '../../api/admin';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';

type AddMutation = ReturnType<typeof useContactMethodMutations>['add'];

const INPUT: Record<ContactType, { type: 'email' | 'tel' | 'url'; autoComplete: string }> = {
  email: { type: 'email', autoComplete: 'email' },
  sms: { type: 'tel', autoComplete: 'tel' },
  voice: { type: 'tel', autoComplete: 'tel' },
  webhook: { type: 'url', autoComplete: 'off' },
  slack: { type: 'url', autoComplete: 'off' },
  teams: { type: 'url', autoComplete: 'off' },
  mattermost: { type: 'url', autoComplete: 'off' },
};

/**
 * Channel, address and an optional label. The browser's own checks are off (noValidate) so the
 * server's message, which names the expected form, is the one shown.
 */
export function AddContactMethodForm({ mutation }: { mutation: AddMutation }) {
  const { t } = useTranslation();
  const [type, setType] = useState<ContactType>('email');
  const [address, setAddress] = useState('');
  const [label, setLabel] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(
      { type, address, label: label || undefined },
      {
        onSuccess: () => {
          setAddress('');
          setLabel('');
        },
      },
    );
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-labelledby="add-contact">
      <h3 id="add-contact">{t('profile.contacts.add')}</h3>
      <div className="grid-3">
        <Field label={t('profile.contacts.type')}>
          {(id) => (
            <select
              id={id}
              value={type}
              onChange={(e) => {
                setType(e.target.value as ContactType);
                mutation.reset();
              }}
            >
              {CONTACT_TYPES.map((c) => (
                <option key={c} value={c}>
                  {t(`profile.contactTypes.${c}.label`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('profile.contacts.address')} hint={t(`profile.contactTypes.${type}.hint`)}>
          {(id) => (
            <input
              id={id}
              type={INPUT[type].type}
              autoComplete={INPUT[type].autoComplete}
              placeholder={t(`profile.contactTypes.${type}.placeholder`)}
              aria-invalid={mutation.isError}
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
          )}
        </Field>
        <Field label={`${t('profile.contacts.label')} (${t('common.optional')})`}>
          {(id) => <input id={id} maxLength={200} value={label} onChange={(e) => setLabel(e.target.value)} />}
        </Field>
      </div>
      <ErrorNote error={mutation.error} />
      <button type="submit" className="button" disabled={mutation.isPending}>
        {t('profile.contacts.addButton')}
      </button>
    </form>
  );
}
