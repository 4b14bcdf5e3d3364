import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupByLocalDay, localDayOf, zonedTime } from './page-time.js';
import { uptimeBars } from './uptime.js';

describe('instants in the page zone (edge cases 9 and 43)', () => {
  it('reads an instant with its local date, time, offset and zone', () => {
    assert.deepEqual(zonedTime('2026-01-16T00:30:00Z', 'America/New_York'), { date: '2026-01-15', time: '19:30', offset: '-05:00', zone: 'America/New_York' });
    assert.deepEqual(zonedTime('2026-07-01T00:30:00Z', 'America/New_York'), { date: '2026-06-30', time: '20:30', offset: '-04:00', zone: 'America/New_York' });
    assert.deepEqual(zonedTime('2026-03-08T07:30:00Z', 'America/New_York'), { date: '2026-03-08', time: '03:30', offset: '-04:00', zone: 'America/New_York' });
    assert.deepEqual(zonedTime('2026-01-16T00:30:00+09:00', 'Asia/Tokyo'), { date: '2026-01-16', time: '00:30', offset: '+09:00', zone: 'Asia/Tokyo' });
    assert.equal(zonedTime('2026-01-16T00:00:00Z', 'Asia/Kolkata').offset, '+05:30');
    assert.equal(zonedTime('2026-01-16T00:00:00Z', 'America/St_Johns').offset, '-03:30');
    assert.equal(zonedTime('2026-01-16T00:00:00Z', 'UTC').offset, '+00:00');
  });

  it('does not depend on the process time zone (TZ)', () => {
    const saved = process.env.TZ;
    const render = () =>
      JSON.stringify([
        zonedTime('2026-11-01T05:30:00Z', 'America/New_York'),
        groupByLocalDay(['2026-01-16T00:30:00Z'], (x) => x, 'America/New_York'),
        uptimeBars({ timeZone: 'America/New_York', now: '2026-03-20T16:00:00Z', dataStart: '2026-01-01T00:00:00Z', outages: [], maintenances: [] }),
      ]);
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const a = render();
      process.env.TZ = 'America/St_Johns';
      const b = render();
      assert.notEqual(new Date(0).getTimezoneOffset(), 0, 'the TZ change took effect');
      assert.equal(a, b);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('the second 01:30 on fall-back night is told apart by its offset', () => {
    assert.deepEqual(
      [zonedTime('2026-11-01T05:30:00Z', 'America/New_York'), zonedTime('2026-11-01T06:30:00Z', 'America/New_York')].map((z) => `${z.time}${z.offset}`),
      ['01:30-04:00', '01:30-05:00'],
    );
  });
});

describe('history grouped by local day', () => {
  const incidents = [
    { id: 'a', at: '2026-01-16T00:30:00Z' }, // 19:30 EST on 01-15
    { id: 'b', at: '2026-01-15T14:00:00Z' },
    { id: 'c', at: '2026-01-17T15:00:00Z' },
  ];

  it('an incident at 19:30 New York (00:30 UTC the next day) is under its New York date; only days with incidents (edge case 9)', () => {
    assert.equal(localDayOf('2026-01-16T00:30:00Z', 'America/New_York'), '2026-01-15');
    const days = groupByLocalDay(incidents, (i) => i.at, 'America/New_York');
    assert.deepEqual(days.map((d) => [d.date, d.items.map((i) => i.id)]), [['2026-01-17', ['c']], ['2026-01-15', ['a', 'b']]]);
    const utc = groupByLocalDay(incidents, (i) => i.at, 'UTC');
    assert.deepEqual(utc.map((d) => d.date), ['2026-01-17', '2026-01-16', '2026-01-15']);
  });

  it('with a range, every day is listed, empty ones included, newest first', () => {
    const days = groupByLocalDay(incidents, (i) => i.at, 'America/New_York', { from: '2026-01-14', through: '2026-01-17' });
    assert.deepEqual(days.map((d) => [d.date, d.items.length]), [['2026-01-17', 1], ['2026-01-16', 0], ['2026-01-15', 2], ['2026-01-14', 0]]);
    assert.throws(() => groupByLocalDay([], (x: string) => x, 'UTC', { from: '2026-02-30', through: '2026-03-01' }), /YYYY-MM-DD/);
  });
});
