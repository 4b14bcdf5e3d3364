import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { coverageGaps, finalShifts, onCallAt } from './final.js';
import { layerShifts } from './layer.js';
import { DAY_MS, HOUR_MS, layer, schedule, wallReading, ZONES } from './test-support.js';
import { type Layer, type MemberPeriod, type Override, type Restriction, type Rotation, type Shift, WEEKDAYS } from './types.js';

const T2025 = Date.UTC(2025, 0, 1);
const T2028 = Date.UTC(2028, 0, 1);
const USERS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
const iso = (t: number) => new Date(t).toISOString();
const pad = (n: number) => String(n).padStart(2, '0');

const zoneArb = fc.constantFrom(...ZONES);
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${pad(h)}:${pad(m)}`);
const dateArb = fc.integer({ min: 0, max: 3 * 365 - 30 }).map((d) => iso(T2025 + d * DAY_MS).slice(0, 10));
const rotationArb: fc.Arbitrary<Rotation> = fc
  .tuple(
    fc.oneof(
      fc.record({ unit: fc.constant('hour' as const), length: fc.integer({ min: 1, max: 36 }) }),
      fc.record({ unit: fc.constant('day' as const), length: fc.integer({ min: 1, max: 10 }) }),
      fc.record({ unit: fc.constant('week' as const), length: fc.integer({ min: 1, max: 3 }) }),
    ),
    hhmm,
    dateArb,
  )
  .map(([r, handoffTime, startDate]) => ({ ...r, handoffTime, startDate }));
const membersArb = fc.uniqueArray(fc.constantFrom(...USERS), { minLength: 1, maxLength: 5 });
/** A range in 2025–2027 of 1 hour to 40 days. */
const rangeArb = fc
  .tuple(fc.integer({ min: T2025, max: T2028 - 41 * DAY_MS }), fc.integer({ min: HOUR_MS, max: 40 * DAY_MS }))
  .map(([from, len]) => ({ from: Math.floor(from / 60_000) * 60_000, to: Math.floor((from + len) / 60_000) * 60_000 }));
const restrictionArb: fc.Arbitrary<Restriction> = fc.oneof(
  fc.tuple(hhmm, hhmm).filter(([a, b]) => a !== b).map(([start, end]) => ({ kind: 'daily' as const, start, end })),
  fc
    .tuple(fc.constantFrom(...WEEKDAYS), hhmm, fc.constantFrom(...WEEKDAYS), hhmm)
    .filter(([d1, a, d2, b]) => d1 !== d2 || a !== b)
    .map(([startDay, start, endDay, end]) => ({ kind: 'weekly' as const, startDay, start, endDay, end })),
);
const OLD = '2000-01-01T00:00:00Z';
const periodsArb: fc.Arbitrary<MemberPeriod[]> = fc
  .tuple(membersArb, fc.array(fc.record({ at: fc.integer({ min: T2025, max: T2028 }), members: membersArb, next: fc.boolean() }), { maxLength: 3 }))
  .map(([first, later]) => [
    { from: OLD, members: first },
    ...later.map((p) => ({ from: iso(p.at), members: p.members, effective: p.next ? ('next_handoff' as const) : ('at' as const) })),
  ]);
const layerArb = (id: string): fc.Arbitrary<Layer> =>
  fc.record({ rotation: rotationArb, members: periodsArb, restrictions: fc.array(restrictionArb, { maxLength: 2 }) }).map((l) => ({ id, name: id, ...l }));
const overrideArb = (i: number): fc.Arbitrary<Override> =>
  fc
    .record({ start: fc.integer({ min: T2025, max: T2028 }), len: fc.integer({ min: 60_000, max: 5 * DAY_MS }), who: fc.constantFrom(...USERS), whom: fc.constantFrom(...USERS), kind: fc.constantFrom('add', 'replace', 'remove') })
    .map((o) => ({
      id: `o${i}`,
      start: iso(o.start),
      end: iso(o.start + o.len),
      userId: o.kind === 'remove' ? null : o.who,
      replacesUserId: o.kind === 'add' ? null : o.whom,
    }));

/** The instant of a wall reading by the compatible rule, restated on the independent reading. */
function instantOfWall(zone: string, wall: number): number {
  const off = (t: number) => wallReading(zone, t) - t;
  const before = off(wall - DAY_MS);
  const after = off(wall + DAY_MS);
  const valid = [wall - before, wall - after].filter((t) => wallReading(zone, t) === wall);
  return valid.length ? Math.min(...valid) : wall - before;
}
const firstWall = (r: Rotation) => Date.parse(`${r.startDate}T${r.handoffTime}:00Z`);
const stepOf = (r: Rotation) => r.length * { hour: HOUR_MS, day: DAY_MS, week: 7 * DAY_MS }[r.unit];
/** No offset change within a day of t (wall and instant scales agree around it). */
const calm = (zone: string, t: number) => wallReading(zone, t - DAY_MS) - (t - DAY_MS) === wallReading(zone, t + DAY_MS) - (t + DAY_MS);

function assertSortedWithin(shifts: Shift[], from: number, to: number) {
  for (let i = 0; i < shifts.length; i++) {
    const s = shifts[i]!;
    assert.ok(Date.parse(s.start) < Date.parse(s.end), `empty shift ${JSON.stringify(s)}`);
    assert.ok(Date.parse(s.start) >= from && Date.parse(s.end) <= to, `outside the range ${JSON.stringify(s)}`);
    const p = shifts[i - 1];
    if (p) assert.ok(p.start < s.start || (p.start === s.start && p.userId < s.userId), `not sorted at ${i}`);
  }
}

describe('rotation properties (random zones, rotations, members and ranges in 2025–2027)', () => {
  it('an unrestricted layer has no gap and no overlap from its first handoff to its end, and hands off on the grid', () => {
    const endArb = fc.option(fc.integer({ min: T2025, max: T2028 }), { nil: undefined });
    fc.assert(
      fc.property(zoneArb, rotationArb, membersArb, rangeArb, endArb, (zone, rotation, members, { from, to: rangeEnd }, layerEnd) => {
        const l = layer('l', rotation, members, layerEnd === undefined ? {} : { end: iso(layerEnd) });
        const shifts = layerShifts(schedule(zone, [l]), l, iso(from), iso(rangeEnd));
        const first = instantOfWall(zone, firstWall(rotation));
        const start = Math.max(from, first);
        const to = Math.min(rangeEnd, layerEnd ?? rangeEnd);
        if (start >= to) return assert.deepEqual(shifts, []);
        assert.equal(shifts[0]?.start, iso(start));
        assert.equal(shifts[shifts.length - 1]?.end, iso(to));
        for (let i = 1; i < shifts.length; i++) assert.equal(shifts[i]!.start, shifts[i - 1]!.end, 'gap or overlap');
        for (const s of shifts) {
          const t = Date.parse(s.start);
          if (t === from && t !== first) continue; // clipped by the range, not a handoff
          // handoff k is at wall first + k·step, or later by the DST gap when that time does not exist
          const k = Math.floor((wallReading(zone, t) - firstWall(rotation)) / stepOf(rotation));
          const late = wallReading(zone, t) - (firstWall(rotation) + k * stepOf(rotation));
          assert.ok(late === 0 || (late <= HOUR_MS && !calm(zone, t)), `handoff off the grid by ${late} ms at ${s.start}`);
          assert.equal(s.userId, members[k % members.length], `wrong member at handoff ${k}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a layer has at most one person at a time, only inside its active windows, and always inside them', () => {
    fc.assert(
      fc.property(zoneArb, layerArb('l'), rangeArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }), (zone, l, { from, to }, samples) => {
        const s = schedule(zone, [l]);
        const shifts = layerShifts(s, l, iso(from), iso(to));
        assertSortedWithin(shifts, from, to);
        for (let i = 1; i < shifts.length; i++) assert.ok(shifts[i]!.start >= shifts[i - 1]!.end, 'overlap');
        if (!l.restrictions.length) return;
        const inWindow = (t: number) => {
          const w = wallReading(zone, t);
          const day = Math.floor(w / DAY_MS);
          return l.restrictions.some((r) => {
            const min = (x: string) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3)) * 1;
            if (r.kind === 'daily') {
              const m = Math.floor((w - day * DAY_MS) / 60_000);
              const a = min(r.start);
              const b = min(r.end);
              return b > a ? m >= a && m < b : m >= a || m < b;
            }
            const week = 7 * 24 * 60;
            const m = ((((day + 3) % 7) * 24 * 60 + Math.floor((w - day * DAY_MS) / 60_000)) % week + week) % week;
            const a = WEEKDAYS.indexOf(r.startDay) * 1440 + min(r.start);
            const b = WEEKDAYS.indexOf(r.endDay) * 1440 + min(r.end);
            return b > a ? m >= a && m < b : m >= a || m < b;
          });
        };
        for (const sh of shifts) {
          const mid = Math.floor((Date.parse(sh.start) + Date.parse(sh.end)) / 2);
          if (calm(zone, mid)) assert.ok(inWindow(mid), `${sh.userId} on call outside the windows at ${iso(mid)}`);
        }
        const first = instantOfWall(zone, firstWall(l.rotation));
        for (const x of samples) {
          const t = Math.floor(from + x * (to - from - 1));
          if (t < first || !calm(zone, t)) continue;
          const covered = shifts.some((sh) => Date.parse(sh.start) <= t && t < Date.parse(sh.end));
          assert.equal(covered, inWindow(t), `coverage at ${iso(t)}`);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('final schedule properties', () => {
  const scheduleArb = fc
    .tuple(zoneArb, fc.array(fc.integer(), { minLength: 1, maxLength: 3 }), fc.array(fc.constant(null), { maxLength: 6 }))
    .chain(([zone, layers, overrides]) =>
      fc.tuple(fc.constant(zone), fc.tuple(...layers.map((_, i) => layerArb(`l${i}`))), fc.tuple(...overrides.map((_, i) => overrideArb(i)))),
    )
    .map(([zone, layers, overrides]) => schedule(zone, layers, overrides));
  // ranges long enough to meet overrides (which fall anywhere in 2025–2027) now and then
  const wideRange = fc.tuple(fc.integer({ min: T2025, max: T2028 - 61 * DAY_MS }), fc.integer({ min: HOUR_MS, max: 60 * DAY_MS })).map(([from, len]) => ({ from, to: from + len }));

  it('shifts are sorted, inside the range, non-empty, one per person at a time; gaps are exactly the rest', () => {
    fc.assert(
      fc.property(scheduleArb, wideRange, fc.integer({ min: T2025, max: T2028 }), (s, { from, to }, now) => {
        const shifts = finalShifts(s, iso(from), iso(to));
        assertSortedWithin(shifts, from, to);
        const byUser = new Map<string, Shift[]>();
        for (const sh of shifts) byUser.set(sh.userId, [...(byUser.get(sh.userId) ?? []), sh]);
        for (const [user, list] of byUser) {
          for (let i = 1; i < list.length; i++) assert.ok(list[i]!.start >= list[i - 1]!.end, `${user} listed twice at ${list[i]!.start}`);
        }
        // the gaps and the shifts tile [max(from, now), to)
        const start = Math.max(from, now);
        const pieces = [...coverageGaps(s, iso(from), iso(to), iso(now)).map((g) => [Date.parse(g.start), Date.parse(g.end)] as const)];
        for (const sh of shifts) pieces.push([Math.max(start, Date.parse(sh.start)), Date.parse(sh.end)]);
        const tiles = pieces.filter(([a, b]) => b > a).sort((a, b) => a[0] - b[0]);
        let reach = start;
        for (const [a, b] of tiles) {
          assert.ok(a <= reach, `hole at ${iso(reach)}`);
          reach = Math.max(reach, b);
        }
        if (start < to) assert.equal(reach, to);
      }),
      { numRuns: 120 },
    );
  });

  it('onCallAt(t) agrees with the shifts around t, and a sub-range gives the same shifts, clipped', () => {
    fc.assert(
      fc.property(scheduleArb, wideRange, fc.double({ min: 0, max: 1, noNaN: true }), (s, { from, to }, x) => {
        const shifts = finalShifts(s, iso(from), iso(to));
        const t = Math.floor(from + x * (to - from - 1));
        const expected = [...new Set(shifts.filter((sh) => Date.parse(sh.start) <= t && t < Date.parse(sh.end)).map((sh) => sh.userId))].sort();
        assert.deepEqual(onCallAt(s, iso(t)), expected);
        const clipped = shifts.filter((sh) => Date.parse(sh.start) < t).map((sh) => ({ ...sh, end: sh.end > iso(t) ? iso(t) : sh.end }));
        assert.deepEqual(finalShifts(s, iso(from), iso(t)), clipped);
      }),
      { numRuns: 120 },
    );
  });
});

describe('member changes never rewrite the past', () => {
  const calmZones = fc.constantFrom('UTC', 'Asia/Tokyo', 'Asia/Kolkata');

  it('shifts before a change are unchanged, a removed member never returns, an added one leaves now and the order alone', () => {
    fc.assert(
      fc.property(
        fc.tuple(zoneArb, calmZones).chain(([z, c]) => fc.constantFrom(z, c)),
        rotationArb,
        fc.uniqueArray(fc.constantFrom(...USERS), { minLength: 2, maxLength: 5 }),
        fc.array(restrictionArb, { maxLength: 1 }),
        fc.integer({ min: T2025 + 30 * DAY_MS, max: T2028 - 60 * DAY_MS }),
        fc.boolean(),
        fc.nat(),
        (zone, rotation, members, restrictions, change, next, pick) => {
          const effective = next ? ('next_handoff' as const) : ('at' as const);
          const before = schedule(zone, [layer('l', rotation, members, { restrictions })]);
          const removed = members[pick % members.length]!;
          const fewer = members.filter((m) => m !== removed);
          const added = USERS.find((u) => !members.includes(u))!;
          const withPeriod = (list: string[]) => schedule(zone, [layer('l', rotation, [{ from: OLD, members }, { from: iso(change), members: list, effective }], { restrictions })]);
          const past = [iso(change - 30 * DAY_MS), iso(change)] as const;
          const future = [iso(change + stepOf(rotation) + 2 * HOUR_MS), iso(change + 60 * DAY_MS)] as const;
          for (const list of [fewer, [...members, added]]) assert.deepEqual(finalShifts(withPeriod(list), ...past), finalShifts(before, ...past));
          assert.ok(finalShifts(withPeriod(fewer), next ? future[0] : iso(change), future[1]).every((s) => s.userId !== removed), `${removed} came back`);
          const grown = withPeriod([...members, added]);
          assert.deepEqual(onCallAt(grown, iso(change)), onCallAt(before, iso(change)));
          if (zone === 'UTC' || zone === 'Asia/Tokyo' || zone === 'Asia/Kolkata') {
            // the old members keep their cyclic order (the newcomer is slotted in after the last one)
            const order = finalShifts(grown, iso(change), future[1]).map((s) => s.userId).filter((u, i, all) => u !== added && u !== all[i - 1]);
            for (let i = 1; i < order.length; i++) {
              assert.equal(order[i], members[(members.indexOf(order[i - 1]!) + 1) % members.length], `order broken after ${order[i - 1]}`);
            }
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
