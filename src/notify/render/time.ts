/**
 * Instants as the recipient reads them: their language, their time zone, and the zone's name next to
 * the time (a page at 03:00 must not leave anyone guessing which 03:00).
 */
import type { Locale } from './i18n.js';

const cache = new Map<string, Intl.DateTimeFormat>();

function fmt(zone: string): Intl.DateTimeFormat {
  let f = cache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
      timeZoneName: 'shortOffset',
    });
    cache.set(zone, f);
  }
  return f;
}

/** A zone we can format in: the stored one when the platform knows it, else UTC. */
export function usableZone(zone: string | null | undefined): string {
  if (!zone) return 'UTC';
  try {
    fmt(zone);
    return zone;
  } catch {
    return 'UTC';
  }
}

const JA_WEEKDAYS: Record<string, string> = { Sun: '日', Mon: '月', Tue: '火', Wed: '水', Thu: '木', Fri: '金', Sat: '土' };

/**
 * `2026-11-22 (Sun) 18:00 Asia/Tokyo (GMT+9)` in English, `2026年11月22日(日) 18:00 Asia/Tokyo (GMT+9)`
 * in Japanese. Built from parts so the output does not depend on the ICU version's punctuation.
 */
export function formatInstant(instant: string | Date, zone: string, locale: Locale): string {
  const z = usableZone(zone);
  const parts = Object.fromEntries(fmt(z).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const hour = parts.hour === '24' ? '00' : parts.hour;
  const offset = parts.timeZoneName === 'GMT' ? 'GMT+0' : parts.timeZoneName;
  if (locale === 'ja') {
    return `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日(${JA_WEEKDAYS[parts.weekday ?? ''] ?? parts.weekday}) ${hour}:${parts.minute} ${z} (${offset})`;
  }
  return `${parts.year}-${parts.month}-${parts.day} (${parts.weekday}) ${hour}:${parts.minute} ${z} (${offset})`;
}
