import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { Field } from '../components/Field';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { useSession } from '../session/session';

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
      // Server-rendered pages (an internal status page) send readers here with ?next=/status/…
      const next = new URLSearchParams(window.location.search).get('next');
      if (next && /^\/status\/[^/]/.test(next)) window.location.assign(next);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const known = error instanceof ApiError && (error.status === 401 || error.status === 429);
  return (
    <main className="login" id="main">
      <form className="card login-card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <div className="brand big">
          <span aria-hidden="true" className="brand-mark" />
          {t('common.appName')}
        </div>
        <h1 id="login-title">{t('auth.title')}</h1>
        <p className="muted">{t('auth.tagline')}</p>
        <Field label={t('auth.email')}>
          {(id) => <input id={id} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label={t('auth.password')}>
          {(id) => <input id={id} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        {known ? (
          <p className="error-note" role="alert">
            {(error as ApiError).status === 429 ? t('auth.rateLimited') : t('auth.failed')}
          </p>
        ) : (
          <ErrorNote error={error} />
        )}
        <button type="submit" className="button primary wide" disabled={busy}>
          {busy ? t('auth.submitting') : t('auth.submit')}
        </button>
        <LanguageSwitch />
      </form>
    </main>
  );
}
