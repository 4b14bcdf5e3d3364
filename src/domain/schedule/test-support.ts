import type { Layer, MemberPeriod, Override, Restriction, Rotation, Schedule, Shift } from './types.js';

/** Builders and independent readings for the schedule tests (not shipped behaviour). */

export const ZONES = [
  'America/Chicago',
  'America/New_York',
  'Europe/Paris',
  'Europe/London',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/St_Johns',
  'UTC',
] as const;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export function layer(
  id: string,
  rotation: Partial<Rotation> & Pick<Rotation, 'startDate'>,
  members: string[] | MemberPeriod[],
  more: Partial<Omit<Layer, 'id' | 'rotation' | 'members'>> = {},
): Layer {
  const periods: MemberPeriod[] =
    members.length && typeof members[0] === 'string' ? [{ from: '2000-01-01T00:00:00Z', members: members as string[] }] : (members as MemberPeriod[]);
  return {
    id,
    name: more.name ?? id,
    rotation: { unit: 'day', length: 1, handoffTime: '09:00', ...rotation },
    members: periods,
    restrictions: more.restrictions ?? [],
    ...(more.start !== undefined ? { start: more.start } : {}),
    ...(more.end !== undefined ? { end: more.end } : {}),
  };
}

export const schedule = (timeZone: string, layers: Layer[], overrides: Override[] = []): Schedule => ({ timeZone, layers, overrides });

export const daily = (start: string, end: string): Restriction => ({ kind: 'daily', start, end });

let nextOverride = 0;
export function override(start: string, end: string, userId: string | null, replacesUserId: string | null = null, id = `o${++nextOverride}`): Override {
  return { id, start, end, userId, replacesUserId };
}

/** Shifts as compact "user start end" lines (instants without the .000Z noise), for exact assertions. */
export const lines = (shifts: Pick<Shift, 'userId' | 'start' | 'end'>[]) =>
  shifts.map((s) => `${s.userId} ${s.start.replace(':00.000Z', 'Z')} ${s.end.replace(':00.000Z', 'Z')}`);

const readers = new Map<string, Intl.DateTimeFormat>();
/**
 * The wall reading of an instant by a route independent of time/zone.ts (sv-SE prints an ISO-like
 * "2026-03-08 03:30:00"), as ms on the UTC scale.
 */
export function wallReading(zone: string, t: number): number {
  let f = readers.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    readers.set(zone, f);
  }
  const m = /(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(f.format(new Date(t)));
  if (!m) throw new Error(`unexpected format ${f.format(new Date(t))}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s) + (t % 1000);
}

/** Local "YYYY-MM-DD HH:MM" of an instant (independent reading). */
export const localText = (zone: string, iso: string) => new Date(wallReading(zone, Date.parse(iso))).toISOString().slice(0, 16).replace('T', ' ');

/**
 * A fixed set of renders as one JSON text, for the TZ test: computed in this process and in a child
 * with another `TZ`, the two must be identical. Pseudo-random from a fixed seed, around the 2026 DST
 * transitions of the zones above.
 */
export async function tzCases(): Promise<string> {
  const { coverageGaps, finalShifts, onCallAt } = await import('./final.js');
  const { layerShifts } = await import('./layer.js');
  let seed = 20_260_308;
  const rnd = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((seed / 2_147_483_648) * n);
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const hhmm = () => `${pad(rnd(24))}:${pad(rnd(4) * 15)}`;
  const iso = (t: number) => new Date(t).toISOString();
  const around = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01'];
  const units = ['hour', 'day', 'week'] as const;
  const out: unknown[] = [];
  for (let i = 0; i < 40; i++) {
    const zone = ZONES[rnd(ZONES.length)]!;
    const center = Date.parse(`${around[rnd(around.length)]}T00:00:00Z`);
    const mkLayer = (id: string) => {
      const unit = units[rnd(3)]!;
      const members = ['a', 'b', 'c', 'd', 'e'].slice(0, 1 + rnd(5));
      const periods: MemberPeriod[] = [
        { from: '2025-01-01T00:00:00Z', members },
        { from: iso(center + (rnd(96) - 48) * HOUR_MS), members: [...members.slice(1), 'f'], effective: rnd(2) ? 'at' : 'next_handoff' },
      ];
      const restrictions: Restriction[] = [];
      if (rnd(2)) restrictions.push(daily(hhmm(), hhmm()));
      if (rnd(3) === 0) restrictions.push({ kind: 'weekly', startDay: 'fri', start: hhmm(), endDay: 'mon', end: hhmm() });
      return layer(id, { unit, length: unit === 'hour' ? 1 + rnd(12) : 1 + rnd(3), handoffTime: hhmm(), startDate: iso(center - (1 + rnd(60)) * DAY_MS).slice(0, 10) }, periods, {
        restrictions: restrictions.filter((r) => r.start !== r.end),
      });
    };
    const overrides: Override[] = [0, 1, 2].map((j) => {
      const start = center + (rnd(120) - 60) * HOUR_MS;
      const who = ['a', 'b', 'f', 'g'][rnd(4)]!;
      const kind = rnd(3);
      return { id: `o${j}`, start: iso(start), end: iso(start + (1 + rnd(30)) * HOUR_MS), userId: kind === 2 ? null : 'g', replacesUserId: kind === 0 ? null : who };
    });
    const s = schedule(zone, [mkLayer('l0'), mkLayer('l1')], overrides);
    const from = iso(center - 3 * DAY_MS);
    const to = iso(center + 4 * DAY_MS);
    out.push({
      zone,
      final: finalShifts(s, from, to),
      layer: layerShifts(s, s.layers[0]!, from, to),
      onCall: [0, 1, 2].map(() => onCallAt(s, iso(center + (rnd(144) - 72) * HOUR_MS))),
      gaps: coverageGaps(s, from, to, iso(center)),
    });
  }
  return JSON.stringify(out);
}
