/**
 * Times, dates and figures as the status page shows them: always in the page's zone with the zone
 * named (edge case 43: the same instant with the same label wherever it is read), whatever the
 * server's or the reader's zone. The digits come from domain/status/page-time.ts (the zone clock
 * the uptime days are bucketed with), names of months, weekdays and zones from Intl.
 */
import { zonedTime } from '../../domain/status/page-time.js';
import { escapeHtml } from '../../notify/render/html.js';
import type { PageLanguage } from './strings.js';

const zoneNames = new Map<string, Intl.DateTimeFormat>();
function zoneNameFormat(locale: string, zone: string): Intl.DateTimeFormat {
  const key = `${locale} ${zone}`;
  let f = zoneNames.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
    zoneNames.set(key, f);
  }
  return f;
}

/** `UTC+09:00` from `+09:00`. */
const utcOffsetLabel = (offset: string) => (offset === '+00:00' ? 'UTC' : `UTC${offset}`);

/**
 * The zone's short name at an instant: `JST`, `EST`/`EDT`, `BST`, `CET`, `UTC`. ICU knows most
 * abbreviations only in the locale that uses them (JST in ja, BST and CET in en-GB), so those are
 * asked in turn; a zone without one is labelled by its offset (`UTC+05:30`), never left unnamed.
 */
export function zoneLabel(instant: string, zone: string): string {
  return labelAt(instant, zone, zonedTime(instant, zone).offset);
}

/** Labels by zone and offset: a zone's abbreviation changes only with its offset (EST/EDT). */
const labels = new Map<string, string>();

function labelAt(instant: string, zone: string, offset: string): string {
  const key = `${zone} ${offset}`;
  const known = labels.get(key);
  if (known !== undefined) return known;
  const date = new Date(instant);
  let label = utcOffsetLabel(offset);
  for (const locale of ['en-US', 'ja-JP', 'en-GB']) {
    const name = zoneNameFormat(locale, zone)
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && /^[A-Z]{2,5}$/.test(name)) {
      label = name;
      break;
    }
  }
  labels.set(key, label);
  return label;
}

export interface ShownTime {
  /** What the reader sees: `2026-11-22 18:30 JST` (en), `2026年11月22日 18:30 JST` (ja). */
  text: string;
  /** The instant in UTC, for `<time datetime>`. */
  iso: string;
  /** The zone in full: `Asia/Tokyo (UTC+09:00)`. */
  zone: string;
}

/** An instant as the page shows it. */
export function showTime(instant: string, zone: string, language: PageLanguage): ShownTime {
  const z = zonedTime(instant, zone);
  const [y, m, d] = z.date.split('-');
  const day = language === 'ja' ? `${y}年${Number(m)}月${Number(d)}日` : z.date;
  return { text: `${day} ${z.time} ${labelAt(instant, zone, z.offset)}`, iso: new Date(instant).toISOString(), zone: `${zone} (${utcOffsetLabel(z.offset)})` };
}

/** `<time datetime="…Z" title="Asia/Tokyo (UTC+09:00)">2026-11-22 18:30 JST</time>`. */
export function timeHtml(instant: string, zone: string, language: PageLanguage): string {
  const t = showTime(instant, zone, language);
  return `<time datetime="${escapeHtml(t.iso)}" title="${escapeHtml(t.zone)}">${escapeHtml(t.text)}</time>`;
}

const dayFormats: Record<PageLanguage, Intl.DateTimeFormat> = {
  // a local date is a calendar date: formatted at UTC midnight in UTC, it reads the same everywhere
  en: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }),
  ja: new Intl.DateTimeFormat('ja-JP', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }),
};

/** Formatted dates: every component's 90 bars name the same 90 days, and Intl is slow at it. */
const days = new Map<string, string>();
const DAYS_KEPT = 2048;

/** A local date (YYYY-MM-DD): `Sun, Nov 22, 2026` / `2026年11月22日(日)`. */
export function showDay(date: string, language: PageLanguage): string {
  const key = `${language}${date}`;
  const known = days.get(key);
  if (known !== undefined) return known;
  const t = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(t)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  const shown = dayFormats[language].format(new Date(t));
  if (days.size >= DAYS_KEPT) days.clear();
  days.set(key, shown);
  return shown;
}

/**
 * An uptime percent with two decimals, rounded down so that anything short of 100 never reads as
 * 100 (99.999 → `99.99%`); exactly 100 is `100%`.
 */
export function showPercent(value: number): string {
  if (value >= 100) return '100%';
  // the epsilon absorbs binary noise (99.95 * 100 = 9994.999…), far below a shown digit
  const floored = Math.min(99.99, Math.floor(Math.max(0, value) * 100 + 1e-9) / 100);
  return `${floored.toFixed(2)}%`;
}
