import { useTranslation } from 'react-i18next';
import { patch } from '../api/client';
import { type Lang, LANGS, setLanguage } from '../i18n';
import { useSession } from '../session/session';

/** Switches the language at once and, when logged in, saves it to the profile. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { user, refresh } = useSession();
  const change = async (lang: Lang) => {
    setLanguage(lang);
    if (user && user.locale !== lang) {
      await patch(`/api/v1/users/${user.id}`, { locale: lang }).catch(() => undefined);
      await refresh();
    }
  };
  return (
    <fieldset className="language-switch">
      <legend className="sr-only">{t('common.language.label')}</legend>
      {LANGS.map((l) => (
        <button key={l} type="button" className="link-button" aria-pressed={i18n.language === l} lang={l} onClick={() => void change(l)}>
          {t(`common.language.${l}`)}
        </button>
      ))}
    </fieldset>
  );
}
