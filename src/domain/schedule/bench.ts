import { finalShifts } from './final.js';
import type { Layer, Override, Schedule } from './types.js';

/**
 * Rendering a year of a realistic schedule: four layers (a weekly base, business hours on weekdays,
 * 12-hour nights restricted to 22:00–06:00 with a member change, 4-hour day shifts restricted to
 * 08:00–20:00 and weekends) and 200 overrides, in a zone with DST, over all of 2026. For the bench
 * runner; it reads the monotonic clock (performance.now), which the schedule maths never does.
 */
const ZONE = 'America/New_York';

function benchSchedule(): Schedule {
  const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
  const since = '2025-01-01T00:00:00Z';
  const layers: Layer[] = [
    { id: 'base', name: 'Base', rotation: { unit: 'week', length: 1, handoffTime: '09:00', startDate: '2025-01-06' }, members: [{ from: since, members: people('base', 6) }], restrictions: [] },
    {
      id: 'business',
      name: 'Business hours',
      rotation: { unit: 'day', length: 1, handoffTime: '09:00', startDate: '2025-01-06' },
      members: [{ from: since, members: people('biz', 5) }],
      restrictions: [{ kind: 'weekly', startDay: 'mon', start: '09:00', endDay: 'fri', end: '17:00' }],
    },
    {
      id: 'nights',
      name: 'Nights',
      rotation: { unit: 'hour', length: 12, handoffTime: '20:00', startDate: '2025-01-01' },
      members: [
        { from: since, members: people('night', 4) },
        { from: '2026-06-01T04:00:00Z', members: [...people('night', 3), 'night9'], effective: 'next_handoff' },
      ],
      restrictions: [{ kind: 'daily', start: '22:00', end: '06:00' }],
    },
    {
      id: 'follow',
      name: 'Follow the sun',
      rotation: { unit: 'hour', length: 4, handoffTime: '00:00', startDate: '2025-01-01' },
      members: [{ from: since, members: people('sun', 7) }],
      restrictions: [
        { kind: 'daily', start: '08:00', end: '20:00' },
        { kind: 'weekly', startDay: 'sat', start: '00:00', endDay: 'mon', end: '00:00' },
      ],
    },
  ];
  const overrides: Override[] = [];
  const start = Date.UTC(2026, 0, 1);
  const everyone = [...people('base', 6), ...people('biz', 5), ...people('night', 4), ...people('sun', 7)];
  for (let i = 0; i < 200; i++) {
    const at = start + i * 43 * 3_600_000 + (i % 7) * 900_000;
    const user = everyone[(i * 5) % everyone.length]!;
    const kind = i % 3;
    overrides.push({
      id: `ov${i}`,
      start: new Date(at).toISOString(),
      end: new Date(at + (2 + (i % 29)) * 3_600_000).toISOString(),
      userId: kind === 2 ? null : `extra${i % 11}`,
      replacesUserId: kind === 0 ? null : user,
    });
  }
  return { timeZone: ZONE, layers, overrides };
}

/** Median of five renders of 2026 after one warm-up render, and how many shifts a render gives. */
export function benchScheduleRender(): { ms: number; shifts: number } {
  const schedule = benchSchedule();
  const render = () => finalShifts(schedule, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
  const shifts = render().length;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    render();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[2]! * 10) / 10, shifts };
}
