import { finalShifts, onCallAt } from '../../domain/schedule/final.js';
import type { Schedule } from '../../domain/schedule/types.js';
import type { Executor } from '../context.js';
import { type LayerRow, loadLayers, loadOverrides, type OverrideRow, type ScheduleRow, scheduleModel } from './model.js';
import { userNames } from './view.js';

const DAY = 86_400_000;
/** How far ahead `until` looks: the end of a shift further away than this is reported as null. */
const UNTIL_HORIZON_DAYS = 90;

export interface OnCallUserView {
  id: string;
  name: string | null;
  until: string | null;
}

export interface ScheduleOnCallView {
  scheduleId: string;
  scheduleName: string;
  timeZone: string;
  at: string;
  users: OnCallUserView[];
}

/** When each person's current shift ends: a day's shifts first, the horizon only for longer ones. */
function untilOf(schedule: Schedule, at: string, userIds: string[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  let open = userIds;
  for (const days of [1, UNTIL_HORIZON_DAYS]) {
    const to = new Date(Date.parse(at) + days * DAY).toISOString();
    const shifts = finalShifts(schedule, at, to);
    for (const id of open) {
      const s = shifts.find((x) => x.userId === id && x.start === at);
      if (s && s.end !== to) out.set(id, s.end);
    }
    open = open.filter((id) => !out.has(id));
    if (!open.length) break;
  }
  for (const id of open) out.set(id, null);
  return out;
}

/** Who is on call at `at` on each schedule (final schedule: layers, then overrides). */
export async function onCallOf(ex: Executor, rows: ScheduleRow[], at: string): Promise<ScheduleOnCallView[]> {
  const ids = rows.map((r) => r.id);
  const layers = await loadLayers(ex, ids);
  const horizon = new Date(Date.parse(at) + UNTIL_HORIZON_DAYS * DAY).toISOString();
  const overrides = await loadOverrides(ex, ids, { from: at, to: horizon });
  const found = rows.map((r) => {
    const model = scheduleModel(
      r.timeZone,
      layers.filter((l: LayerRow) => l.scheduleId === r.id),
      overrides.filter((o: OverrideRow) => o.scheduleId === r.id),
    );
    const users = onCallAt(model, at);
    return { r, users, until: untilOf(model, at, users) };
  });
  const names = await userNames(
    ex,
    found.flatMap((f) => f.users),
  );
  return found.map(({ r, users, until }) => ({
    scheduleId: r.id,
    scheduleName: r.name,
    timeZone: r.timeZone,
    at,
    users: users.map((id) => ({ id, name: names.get(id) ?? null, until: until.get(id) ?? null })),
  }));
}
