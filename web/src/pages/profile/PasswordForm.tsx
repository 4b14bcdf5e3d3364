import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateUser } from '../../api/admin';
import type { User } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';

/** A new password needs the current one (a borrowed session is not enough to take the account). */
export function PasswordForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [saved, setSaved] = useState(false);
  const mismatch = again !== '' && next !== again;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    setSaved(false);
    update.mutate(
      { id: user.id, body: { password: next, ...(user.hasPassword ? { currentPassword: current } : {}) } },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setAgain('');
          setSaved(true);
        },
      },
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="profile-password">
      <h2 id="profile-password">{t('profile.password.title')}</h2>
      {/* A username field lets password managers file the new password under the right account. */}
      <input type="email" className="sr-only" autoComplete="username" value={user.email} readOnly tabIndex={-1} aria-hidden="true" />
      {user.hasPassword ? (
        <Field label={t('profile.password.current')}>
          {(id) => <input id={id} type="password" required autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />}
        </Field>
      ) : (
        <p className="muted">{t('profile.password.none')}</p>
      )}
      <Field label={t('profile.password.new')} hint={t('profile.password.hint')}>
        {(id) => <input id={id} type="password" required minLength={8} autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />}
      </Field>
      <Field label={t('profile.password.again')}>
        {(id) => (
          <input id={id} type="password" required autoComplete="new-password" aria-invalid={mismatch} value={again} onChange={(e) => setAgain(e.target.value)} />
        )}
      </Field>
      {mismatch ? (
        <p className="error-note" role="alert">
          {t('profile.password.mismatch')}
        </p>
      ) : null}
      <ErrorNote error={update.error} />
      <div className="row">
        <button type="submit" className="button primary" disabled={update.isPending || mismatch}>
          {t('profile.password.submit')}
        </button>
        {saved ? (
          <span className="ok-note" role="status">
            {t('profile.password.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
