import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ContactMethod, signingSecret, useContactMethodMutations, useContactMethods } from '../../api/admin';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { ConfirmButton } from '../services/ConfirmButton';
import { AddContactMethodForm } from './AddContactMethodForm';

/** Where I can be reached: each address is checked by the server for its channel. */
export function ContactMethods({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const list = useContactMethods(userId);
  const m = useContactMethodMutations(userId);
  const items = list.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="contact-methods">
      <h2 id="contact-methods">{t('profile.contacts.title')}</h2>
      <p className="muted">{t('profile.contacts.intro')}</p>
      <ErrorNote error={list.error ?? m.remove.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('profile.contacts.empty')}</p>
      ) : (
        <ul className="list contact-list">
          {items.map((c) => (
            <li key={c.id} className="contact-item">
              <span className="badge">{t(`profile.contactTypes.${c.type}.label`)}</span>
              <span className="contact-address break">
                {c.address}
                {c.label ? <span className="muted"> · {c.label}</span> : null}
              </span>
              <span className="row">
                {c.type === 'webhook' ? <SigningSecret userId={userId} method={c} /> : null}
                <ConfirmButton
                  label={t('common.delete')}
                  question={t('profile.contacts.deleteQuestion')}
                  disabled={m.remove.isPending}
                  onConfirm={() => m.remove.mutate(c.id)}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
      <AddContactMethodForm mutation={m.add} />
    </section>
  );
}

/** A webhook's Standard Webhooks secret, fetched only when asked for. */
function SigningSecret({ userId, method }: { userId: string; method: ContactMethod }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (secret)
    return (
      <span className="row">
        <code className="break">{secret}</code>
        <CopyButton text={secret} />
      </span>
    );
  return (
    <>
      <button
        type="button"
        className="button small"
        onClick={() =>
          signingSecret(userId, method.id).then(
            (r) => setSecret(r.secret),
            (e: unknown) => setError(e),
          )
        }
      >
        {t('profile.contacts.showSecret')}
      </button>
      <ErrorNote error={error} />
    </>
  );
}
