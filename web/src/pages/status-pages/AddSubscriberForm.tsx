import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusComponent } from '../../api/types';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { SUBSCRIBER_CHANNELS, type useSubscriberMutations } from './api';

type SubscriberChannel = (typeof SUBSCRIBER_CHANNELS)[number];

type AddMutation = ReturnType<typeof useSubscriberMutations>['add'];

/** An e-mail address (sent a confirmation first) or a webhook URL, for every component or a few. */
export function AddSubscriberForm({ mutation, components }: { mutation: AddMutation; components: readonly StatusComponent[] | undefined }) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<SubscriberChannel>('email');
  const [address, setAddress] = useState('');
  const [only, setOnly] = useState<string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(
      { channel, address: address.trim(), ...(only.length ? { componentIds: only } : {}) },
      {
        onSuccess: () => {
          setAddress('');
          setOnly([]);
        },
      },
    );
  };
  const toggle = (id: string, on: boolean) => setOnly((o) => (on ? [...o, id] : o.filter((x) => x !== id)));
  return (
    <form onSubmit={submit} aria-label={t('statusPages.subscribers.add')}>
      <h3>{t('statusPages.subscribers.add')}</h3>
      <div className="grid-2">
        <Field label={t('statusPages.subscribers.channel')}>
          {(id) => (
            <select id={id} value={channel} onChange={(e) => setChannel(e.target.value as SubscriberChannel)}>
              {SUBSCRIBER_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`statusPages.channel.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('statusPages.subscribers.address')} hint={channel === 'email' ? t('statusPages.subscribers.emailHint') : t('statusPages.subscribers.webhookHint')}>
          {(id) => (
            <input
              id={id}
              required
              type={channel === 'email' ? 'email' : 'url'}
              maxLength={2000}
              autoComplete="off"
              spellCheck={false}
              placeholder={channel === 'email' ? 'name@example.com' : 'https://example.com/hooks/status'}
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
          )}
        </Field>
      </div>
      {components?.length ? (
        <fieldset className="type-choice">
          <legend>{t('statusPages.subscribers.only')}</legend>
          {components.map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" checked={only.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
              {c.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <FormActions pending={mutation.isPending} label={t('statusPages.subscribers.add')} error={mutation.error} />
    </form>
  );
}
