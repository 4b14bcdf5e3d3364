/**
 * Every time the app shows is in the viewer's chosen zone (their profile's, else the browser's), with
 * the zone named; a range that crosses midnight in that zone shows both dates.
 */
import { localDate as zoneLocalDate } from '../../../src/domain/time/zone';

export type Lang = 'en' | 'ja';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: Lang, zone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${zone}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: zone, hourCycle: 'h23', ...opts });
    cache.set(key, f);
  }
  return f;
}

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const DATE_JA: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** The local calendar date of an instant in a zone, as YYYY-MM-DD (for comparisons). */
export function localDate(iso: string | Date, zone: string): string {
  return zoneLocalDate(zone, typeof iso === 'string' ? iso : iso.toISOString());
}

/** The zone's short name at that instant: JST, CST/CDT, GMT+1 … */
export function zoneAbbr(iso: string | Date, zone: string, lang: Lang): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const part = fmt(lang, zone, { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

export function formatDate(iso: string | Date, zone: string, lang: Lang): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return fmt(lang, zone, lang === 'ja' ? { ...DATE_JA, weekday: 'short' } : { ...DATE, weekday: 'short' }).format(d);
}

/** Date, time and zone: "Sun, 22 Nov 2026, 14:03 JST". */
export function formatDateTime(iso: string | Date, zone: string, lang: Lang): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return `${fmt(lang, zone, lang === 'ja' ? { ...DATE_JA, ...TIME } : { ...DATE, ...TIME }).format(d)} ${zoneAbbr(d, zone, lang)}`;
}

/** Time and zone, with the date when the instant is not on `reference`'s local day. */
export function formatTime(iso: string | Date, zone: string, lang: Lang, reference: Date = new Date()): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (localDate(d, zone) !== localDate(reference, zone)) return formatDateTime(d, zone, lang);
  return `${fmt(lang, zone, TIME).format(d)} ${zoneAbbr(d, zone, lang)}`;
}

/** A range: one date when both ends fall on the same local day, both dates when it crosses midnight. */
export function formatRange(start: string | Date, end: string | Date, zone: string, lang: Lang): string {
  const s = typeof start === 'string' ? new Date(start) : start;
  const e = typeof end === 'string' ? new Date(end) : end;
  if (localDate(s, zone) === localDate(e, zone)) {
    const day = fmt(lang, zone, lang === 'ja' ? DATE_JA : DATE).format(s);
    return `${day} ${fmt(lang, zone, TIME).format(s)}–${fmt(lang, zone, TIME).format(e)} ${zoneAbbr(e, zone, lang)}`;
  }
  return `${formatDateTime(s, zone, lang)} – ${formatDateTime(e, zone, lang)}`;
}

/** "5 minutes ago" / "5 分前". */
export function formatRelative(iso: string | Date, lang: Lang, now: Date = new Date()): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const sec = Math.round((d.getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const abs = Math.abs(sec);
  if (abs < 60) return rtf.format(sec, 'second');
  if (abs < 3600) return rtf.format(Math.round(sec / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(sec / 3600), 'hour');
  return rtf.format(Math.round(sec / 86400), 'day');
}

/** The browser's own zone, for people not logged in. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
