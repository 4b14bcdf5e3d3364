import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Resources, resources } from './resources';

export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['ja', 'en'];

/** The language before anyone logs in: the browser's, Japanese when it prefers Japanese. */
export function browserLanguage(): Lang {
  const prefs = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const p of prefs) {
    const l = p.toLowerCase();
    if (l.startsWith('ja')) return 'ja';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

document.documentElement.lang = browserLanguage();
void i18n.use(initReactI18next).init({
  resources,
  lng: browserLanguage(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(lang: Lang): void {
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Resources };
  }
}

export default i18n;
