/**
 * Wall-clock times in a named IANA zone, independent of the browser's own zone. A form keeps the date
 * and the time as separate local strings and turns them into an instant only when sent, so changing
 * the date never shifts the time typed (edge case 4). Local times follow the server's rule (SPEC
 * §4.3): one that never occurs moves forward by the gap, one that occurs twice means the first.
 */

export interface Local {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM (24 h) */
  time: string;
}

const partsCache = new Map<string, Intl.DateTimeFormat>();
function partsFormat(zone: string): Intl.DateTimeFormat {
  let f = partsCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(zone, f);
  }
  return f;
}

/** The wall clock of an instant in a zone, as milliseconds of a UTC date with the same fields. */
function wallMs(t: number, zone: string): number {
  const p: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/** The zone's offset from UTC at an instant, in ms (Tokyo: +9 h). */
function offsetMs(t: number, zone: string): number {
  const whole = Math.floor(t / 1000) * 1000;
  return wallMs(whole, zone) - whole;
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
  if (local === null) return null;
  const day = 86_400_000;
  const before = offsetMs(local - day, zone);
  const after = offsetMs(local + day, zone);
  const fits = [local - before, local - after].filter((t) => wallMs(t, zone) === local);
  // Both fit: the repeated hour of a fall-back, take the first. None fits: a spring-forward gap;
  // the offset before the change moves the time forward by the gap.
  const t = fits.length ? Math.min(...fits) : local - before;
  return new Date(t);
}

/** The local date and time of an instant in a zone. */
export function toLocal(t: Date | string, zone: string): Local {
  const ms = wallMs(typeof t === 'string' ? Date.parse(t) : t.getTime(), zone);
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
