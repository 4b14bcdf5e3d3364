/**
 * Wall-clock times in a named IANA zone, independent of the browser's own zone. A form keeps the date
 * and the time as separate local strings and turns them into an instant only when sent, so changing
 * the date never shifts the time typed (edge case 4). Local times follow the server's rule (SPEC
 * §4.3): one that never occurs moves forward by the gap, one that occurs twice means the first —
 * the server's own zone module does the conversions.
 */
import { resolveWall, wallOf } from '../../../../src/domain/time/zone';

export interface Local {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM (24 h) */
  time: string;
}

function localMs(l: Local): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(l.date);
  const h = /^(\d{2}):(\d{2})$/.exec(l.time);
  if (!d || !h) return null;
  return Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(h[1]), Number(h[2]));
}

/** The instant of a local date and time in a zone; null when either is not filled in. */
export function toInstant(l: Local, zone: string): Date | null {
  const local = localMs(l);
  return local === null ? null : new Date(resolveWall(zone, local).instant);
}

/** The local date and time of an instant in a zone. */
export function toLocal(t: Date | string, zone: string): Local {
  const ms = wallOf(zone, typeof t === 'string' ? Date.parse(t) : t.getTime());
  const iso = new Date(ms).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** A calendar date plus n days (no zone involved). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n)).toISOString().slice(0, 10);
}

/** Every IANA zone the browser knows, UTC first. */
export function allZones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...known.filter((z) => z !== 'UTC')];
}

export function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.trim() !== '';
  } catch {
    return false;
  }
}
