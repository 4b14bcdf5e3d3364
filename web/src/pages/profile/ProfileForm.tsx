import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale, useUpdateUser } from '../../api/admin';
import type { User } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSession } from '../../session/session';
import { TimeZoneField } from './TimeZoneField';

/** Name, language and time zone; a saved language or zone applies to the whole app at once. */
export function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const update = useUpdateUser();
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [saved, setSaved] = useState(false);
  // The sidebar's language switch changes the profile too: follow it.
  useEffect(() => setLocale(user.locale), [user.locale]);
  useEffect(() => setTimeZone(user.timeZone), [user.timeZone]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    update.mutate(
      { id: user.id, body: { name, locale, timeZone } },
      {
        onSuccess: async (u) => {
          setTimeZone(u.timeZone);
          await refresh();
          setSaved(true);
        },
      },
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="profile-basics">
      <h2 id="profile-basics">{t('profile.basics.title')}</h2>
      <Field label={t('profile.fields.name')}>{(id) => <input id={id} required maxLength={200} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <Field label={t('profile.fields.language')}>
        {(id) => (
          <select id={id} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`people.locales.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TimeZoneField value={timeZone} onChange={setTimeZone} />
      <ErrorNote error={update.error} />
      <div className="row">
        <button type="submit" className="button primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
        {saved ? (
          <span className="ok-note" role="status">
            {t('profile.basics.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
