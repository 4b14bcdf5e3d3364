import type { Command } from 'commander';
import { resolveWall } from '../domain/time/zone.js';
import type { ApiClient } from './client.js';
import { CliError } from './exit-codes.js';
import { oneLine, renderTable } from './output.js';
import { run, show } from './run.js';

/**
 * `hikeshi oncall` and `hikeshi schedule render`: a thin client of the schedules API (it never touches
 * the database, and the schedule maths is the server's). Times are shown with their date and zone,
 * because a shift list crosses midnights and DST changes.
 */



interface UserRef {
  id: string;
  name: string | null;
}
interface ScheduleDto {
  id: string;
  name: string;
  timeZone: string;
  layers: { id: string; name: string }[];
}
interface OnCallDto {
  scheduleId: string;
  scheduleName: string;
  timeZone: string;
  at: string;
  users: (UserRef & { until: string | null })[];
}
interface ShiftDto {
  userId: string;
  userName: string | null;
  start: string;
  end: string;
  layerId?: string;
  overrideId?: string;
}
interface ShiftListDto {
  scheduleId: string;
  timeZone: string;
  from: string;
  to: string;
  items: ShiftDto[];
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;

/** A schedule by id, or by its name (case-insensitive) when the argument is not an id. */
async function resolveSchedule(client: ApiClient, ref: string): Promise<ScheduleDto> {
  const wanted = ref.trim();
  if (ULID.test(wanted)) return client.get<ScheduleDto>(`/api/v1/schedules/${wanted.toUpperCase()}`);
  const { items } = await client.get<{ items: ScheduleDto[] }>('/api/v1/schedules');
  const found = items.filter((s) => s.name.toLowerCase() === wanted.toLowerCase());
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new CliError('NOT_FOUND', `no schedule named "${wanted}"; \`hikeshi oncall\` lists every schedule`);
  throw new CliError('VALIDATION', `several schedules are named "${wanted}"; give one of their ids: ${found.map((s) => s.id).join(', ')}`);
}

function checkZone(zone: string, flag: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new CliError('VALIDATION', `${flag} "${zone}" is not an IANA time zone; use a name such as Asia/Tokyo or America/Chicago`);
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(zone: string, t: number): Record<string, string> {
  let f = formatters.get(zone);
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
      timeZoneName: 'short',
    });
    formatters.set(zone, f);
  }
  return Object.fromEntries(f.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
}

/** "2026-03-08 09:00 CDT": date, time and zone abbreviation (or offset) in `zone`. */
export function formatLocal(zone: string, iso: string): string {
  const p = partsIn(zone, Date.parse(iso));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${p.timeZoneName}`;
}

/**
 * Midnight of a local date in a zone, as an instant: an ambiguous time takes its first occurrence, a
 * skipped one moves forward by the gap (the server's rule for handoffs).
 */
export function localMidnight(zone: string, date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(resolveWall(zone, Date.UTC(y, m - 1, d)).instant).toISOString();
}

/** --from/--to: a date (its midnight in the display zone) or an ISO instant (as given). */
function boundary(value: string, zone: string, flag: string): string {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    if (new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) throw new CliError('VALIDATION', `${flag} ${v} is not a real date`);
    return localMidnight(zone, v);
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))) return v;
  throw new CliError('VALIDATION', `${flag} must be a date YYYY-MM-DD (midnight in the zone shown) or an ISO instant such as 2026-03-08T09:00:00Z (got "${value}")`);
}

const who = (u: { id: string; name: string | null }) => oneLine(u.name ?? u.id);

function onCallRows(items: OnCallDto[]): string[][] {
  return items.flatMap((s) =>
    s.users.length === 0
      ? [[oneLine(s.scheduleName), s.timeZone, '(nobody)', '']]
      : s.users.map((u) => [oneLine(s.scheduleName), s.timeZone, who(u), u.until ? formatLocal(s.timeZone, u.until) : 'later']),
  );
}

const hours = (s: ShiftDto) => {
  const h = (Date.parse(s.end) - Date.parse(s.start)) / 3_600_000;
  return Number.isInteger(h) ? `${h}h` : `${h.toFixed(2)}h`;
};

export function registerOncallCommands(program: Command): void {
  program
    .command('oncall')
    .description('who is on call now (or --at an instant), on every schedule or one')
    .option('--schedule <schedule>', 'a schedule id or name (default: every schedule)')
    .option('--at <instant>', 'an ISO instant such as 2026-03-08T09:00:00Z (default: now)')
    .action((o: { schedule?: string; at?: string }, cmd: Command) =>
      run(cmd, async (r) => {
        const query = { at: o.at };
        const answer = o.schedule
          ? await r.client.get<OnCallDto>(`/api/v1/schedules/${(await resolveSchedule(r.client, o.schedule)).id}/oncall`, query)
          : await r.client.get<{ at: string; items: OnCallDto[] }>('/api/v1/oncall', query);
        const items = 'items' in answer ? answer.items : [answer];
        show(r, answer, () =>
          items.length === 0
            ? 'no schedules\n'
            : `on call at ${answer.at}\n${renderTable(onCallRows(items), ['SCHEDULE', 'ZONE', 'ON CALL', 'UNTIL'])}`,
        );
      }),
    );

  const schedule = program.command('schedule').description('on-call schedules');
  schedule
    .command('render <schedule>')
    .description('print the final schedule (layers and overrides) between two dates or instants; <schedule> is an id or a name')
    .requiredOption('--from <when>', 'start: a date YYYY-MM-DD (its midnight in the zone shown) or an ISO instant')
    .requiredOption('--to <when>', 'end, exclusive: a date (its midnight) or an ISO instant; at most 366 days after --from')
    .option('--tz <zone>', "IANA zone to show times in (default: the schedule's)")
    .action((ref: string, o: { from: string; to: string; tz?: string }, cmd: Command) =>
      run(cmd, async (r) => {
        const zoneFlag = o.tz !== undefined ? checkZone(o.tz, '--tz') : undefined;
        const s = await resolveSchedule(r.client, ref);
        const zone = zoneFlag ?? s.timeZone;
        const from = boundary(o.from, zone, '--from');
        const to = boundary(o.to, zone, '--to');
        const list = await r.client.get<ShiftListDto>(`/api/v1/schedules/${s.id}/shifts`, { from, to });
        const source = (x: ShiftDto) => (x.overrideId ? 'override' : oneLine(s.layers.find((l) => l.id === x.layerId)?.name ?? ''));
        show(r, list, (l) => {
          const head = `${oneLine(s.name)}: final schedule from ${formatLocal(zone, l.from)} to ${formatLocal(zone, l.to)}, times in ${zone}${zone === s.timeZone ? '' : ` (schedule zone ${s.timeZone})`}\n`;
          if (l.items.length === 0) return `${head}nobody is on call in this range\n`;
          const rows = l.items.map((x) => [formatLocal(zone, x.start), formatLocal(zone, x.end), hours(x), who({ id: x.userId, name: x.userName }), source(x)]);
          return head + renderTable(rows, ['START', 'END', 'LENGTH', 'ON CALL', 'FROM']);
        });
      }),
    );
}
