import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session';
import { formatDate, formatDateTime, formatRange, formatRelative, formatTime, type Lang, zoneAbbr } from './format';

/** Formatting bound to the viewer's zone and language. */
export function useFormat() {
  const { zone } = useSession();
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  return useMemo(
    () => ({
      zone,
      lang,
      dateTime: (iso: string | Date) => formatDateTime(iso, zone, lang),
      date: (iso: string | Date) => formatDate(iso, zone, lang),
      time: (iso: string | Date, reference?: Date) => formatTime(iso, zone, lang, reference),
      range: (a: string | Date, b: string | Date) => formatRange(a, b, zone, lang),
      relative: (iso: string | Date) => formatRelative(iso, lang),
      zoneLabel: () => `${zone} (${zoneAbbr(new Date(), zone, lang)})`,
    }),
    [zone, lang],
  );
}
