import type { Restriction, ScheduleLayer, UpdateScheduleLayer } from '../../api/oncall';

/** A layer as PATCH /schedules/{id} keeps it: its id, current members and everything else unchanged. */
export function keepLayer(l: ScheduleLayer): UpdateScheduleLayer {
  return {
    id: l.id,
    name: l.name,
    members: l.members.map((m) => m.id),
    rotation: l.rotation,
    restrictions: l.restrictions,
    ...(l.start ? { start: l.start } : {}),
    end: l.end,
  };
}

/** Everyone named anywhere in a schedule's layers, for showing names of people not in the picker. */
export function namesOf(layers: ScheduleLayer[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const l of layers) for (const p of l.memberHistory) for (const u of p.members) if (u.name) m.set(u.id, u.name);
  return m;
}

/** A restriction window in words, local to the schedule's zone: "09:00–18:00", "Mon 09:00 – Fri 18:00". */
export function restrictionText(r: Restriction, day: (d: string) => string): string {
  return r.kind === 'daily' ? `${r.start}–${r.end}` : `${day(r.startDay)} ${r.start} – ${day(r.endDay)} ${r.end}`;
}
