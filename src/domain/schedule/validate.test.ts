import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daily, layer, override, schedule } from './test-support.js';
import type { Layer, Override, Schedule } from './types.js';
import { validateSchedule } from './validate.js';

const good = (): Schedule =>
  schedule(
    'Europe/Paris',
    [
      layer('base', { unit: 'week', handoffTime: '09:00', startDate: '2026-03-02' }, ['A', 'B']),
      layer('day', { unit: 'day', handoffTime: '09:00', startDate: '2026-03-02' }, ['C', 'D'], { restrictions: [daily('09:00', '17:00')] }),
    ],
    [override('2026-03-03T10:00:00Z', '2026-03-03T12:00:00Z', 'E', null, 'o1'), override('2026-03-03T12:00:00Z', '2026-03-03T14:00:00Z', 'E', null, 'o2')],
  );

/** The problems of `good()` changed by `edit`, as "field: message" lines. */
function problems(edit: (s: Schedule) => void): { field: string; message: string }[] {
  const s = good();
  edit(s);
  return validateSchedule(s);
}
const fields = (edit: (s: Schedule) => void) => problems(edit).map((p) => p.field);
const l = (s: Schedule, i: number): Layer => s.layers[i]!;
const o = (s: Schedule, i: number): Override => s.overrides[i]!;

describe('validateSchedule', () => {
  it('accepts a sound schedule (touching add-overrides do not overlap)', () => {
    assert.deepEqual(validateSchedule(good()), []);
  });

  it('names an unknown time zone and how to fix it', () => {
    const [p] = problems((s) => {
      s.timeZone = 'Mars/Olympus_Mons';
    });
    assert.equal(p?.field, 'timeZone');
    assert.match(p!.message, /IANA/);
    assert.deepEqual(fields((s) => { s.timeZone = '+09:00'; }), ['timeZone']);
  });

  it('rejects bad HH:MM handoff times', () => {
    for (const t of ['9:00', '24:00', '09:60', '']) {
      assert.deepEqual(fields((s) => { l(s, 1).rotation.handoffTime = t; }), ['layers.1.rotation.handoffTime'], t);
    }
  });

  it('rejects lengths below 1, fractional or absurd', () => {
    for (const n of [0, -1, 1.5, 10_001]) {
      assert.deepEqual(fields((s) => { l(s, 0).rotation.length = n; }), ['layers.0.rotation.length'], String(n));
    }
    assert.deepEqual(fields((s) => { l(s, 0).rotation.length = 10_000; }), []);
  });

  it('rejects an unknown unit and an impossible start date', () => {
    assert.deepEqual(fields((s) => { (l(s, 0).rotation as { unit: string }).unit = 'month'; }), ['layers.0.rotation.unit']);
    assert.deepEqual(fields((s) => { l(s, 0).rotation.startDate = '2026-02-30'; }), ['layers.0.rotation.startDate']);
  });

  it('rejects a layer that ends before it starts', () => {
    const [p] = problems((s) => {
      l(s, 1).start = '2026-04-01T00:00:00Z';
      l(s, 1).end = '2026-03-01T00:00:00Z';
    });
    assert.equal(p?.field, 'layers.1.end');
    assert.match(p!.message, /after the layer's start/);
    assert.deepEqual(fields((s) => { l(s, 1).end = 'soon'; }), ['layers.1.end']);
    // without a start, the layer starts at its first handoff: 2026-03-02 09:00 in Paris
    const [q] = problems((s) => { l(s, 1).end = '2026-03-02T07:59:00Z'; });
    assert.equal(q?.field, 'layers.1.end');
    assert.match(q!.message, /first handoff \(2026-03-02T08:00:00.000Z\)/);
    assert.deepEqual(fields((s) => { l(s, 1).end = '2026-03-02T08:01:00Z'; }), []);
  });

  it('rejects empty member lists', () => {
    assert.deepEqual(fields((s) => { l(s, 0).members[0]!.members = []; }), ['layers.0.members.0.members']);
    assert.deepEqual(fields((s) => { l(s, 0).members = []; }), ['layers.0.members']);
    assert.deepEqual(fields((s) => { l(s, 0).members[0]!.from = 'then'; }), ['layers.0.members.0.from']);
    assert.deepEqual(fields((s) => { (l(s, 0).members[0] as { effective?: string }).effective = 'later'; }), ['layers.0.members.0.effective']);
  });

  it('rejects restriction windows of zero length and bad times or days', () => {
    assert.deepEqual(fields((s) => { l(s, 1).restrictions = [daily('09:00', '09:00')]; }), ['layers.1.restrictions.0.end']);
    assert.deepEqual(
      fields((s) => { l(s, 1).restrictions = [daily('08:00', '12:00'), { kind: 'weekly', startDay: 'mon', start: '09:00', endDay: 'mon', end: '09:00' }]; }),
      ['layers.1.restrictions.1.end'],
    );
    assert.deepEqual(fields((s) => { l(s, 1).restrictions = [daily('9', '17:00')]; }), ['layers.1.restrictions.0.start']);
    assert.deepEqual(
      fields((s) => { l(s, 1).restrictions = [{ kind: 'weekly', startDay: 'monday' as 'mon', start: '09:00', endDay: 'fri', end: '17:00' }]; }),
      ['layers.1.restrictions.0.startDay'],
    );
    // the same weekday with different times is a real window (or nearly a week)
    assert.deepEqual(fields((s) => { l(s, 1).restrictions = [{ kind: 'weekly', startDay: 'mon', start: '09:00', endDay: 'mon', end: '08:00' }]; }), []);
  });

  it('rejects an override that ends before it starts', () => {
    const [p] = problems((s) => { o(s, 0).end = o(s, 0).start; });
    assert.equal(p?.field, 'overrides.0.end');
    assert.match(p!.message, /after start/);
  });

  it('rejects add-overrides of one person that overlap, naming the later one', () => {
    const [p] = problems((s) => { o(s, 1).start = '2026-03-03T11:00:00Z'; });
    assert.equal(p?.field, 'overrides.1');
    assert.match(p!.message, /overlaps override o1/);
    // different people, or a replace, may overlap
    assert.deepEqual(fields((s) => { o(s, 1).start = '2026-03-03T11:00:00Z'; o(s, 1).userId = 'F'; }), []);
    assert.deepEqual(fields((s) => { o(s, 1).start = '2026-03-03T11:00:00Z'; o(s, 1).replacesUserId = 'A'; }), []);
  });

  it('rejects a replace by the same person, and an override with nobody', () => {
    assert.deepEqual(fields((s) => { o(s, 0).replacesUserId = 'E'; }), ['overrides.0.userId']);
    assert.deepEqual(fields((s) => { o(s, 0).userId = null; }), ['overrides.0']);
  });

  it('rejects duplicate ids and a schedule without layers', () => {
    assert.deepEqual(fields((s) => { l(s, 1).id = 'base'; }), ['layers.1.id']);
    assert.deepEqual(fields((s) => { o(s, 1).id = 'o1'; }), ['overrides.1.id']);
    assert.deepEqual(fields((s) => { s.layers = []; }), ['layers']);
  });

  it('reports every problem at once, each with a message a person can act on', () => {
    const all = problems((s) => {
      s.timeZone = 'Nowhere';
      l(s, 1).rotation.handoffTime = '25:00';
      o(s, 0).replacesUserId = 'E';
    });
    assert.deepEqual(all.map((p) => p.field), ['timeZone', 'layers.1.rotation.handoffTime', 'overrides.0.userId']);
    for (const p of all) assert.ok(p.message.length > 20, p.message);
  });
});
