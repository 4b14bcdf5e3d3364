/**
 * Past incidents: the last 14 local days in the page's zone, today first, every day listed ("No
 * incidents reported" on quiet ones). A resolved incident is listed on the local date it started
 * (edge case 9: 19:30 in New York is that New York date, not the UTC one), a completed maintenance
 * on the local date it was scheduled for. Open incidents and running or upcoming maintenance are at
 * the top of the page instead.
 */
import { groupByLocalDay, localDayOf } from '../../domain/status/page-time.js';
import type { IncidentModel, MaintenanceModel } from '../../domain/status/statuspage-model.js';
import { isoDay, parseDay } from '../../domain/time/zone.js';
import { escapeHtml } from '../../notify/render/html.js';
import { type EventContext, incidentHtml, isOpen, maintenanceHtml } from './events.js';
import { showDay } from './format.js';

export const HISTORY_DAYS = 14;

type Past = { kind: 'incident'; at: string; incident: IncidentModel } | { kind: 'maintenance'; at: string; maintenance: MaintenanceModel };

export function historyHtml(ctx: EventContext, now: string, incidents: readonly IncidentModel[], maintenances: readonly MaintenanceModel[]): string {
  const through = localDayOf(now, ctx.timeZone);
  const from = isoDay(parseDay(through)! - (HISTORY_DAYS - 1));
  const past: Past[] = [
    ...incidents.filter((i) => !isOpen(i)).map((incident): Past => ({ kind: 'incident', at: incident.startedAt, incident })),
    ...maintenances.filter((m) => m.status === 'completed').map((maintenance): Past => ({ kind: 'maintenance', at: maintenance.scheduledFor, maintenance })),
  ];
  const days = groupByLocalDay(past, (p) => p.at, ctx.timeZone, { from, through });
  const items = days.map((day) => {
    const events = day.items.map((p) => (p.kind === 'incident' ? incidentHtml(ctx, p.incident, 'h4') : maintenanceHtml(ctx, p.maintenance, 'h4')));
    const body = events.length ? events.join('') : `<p class="quiet">${escapeHtml(ctx.s.noIncidents)}</p>`;
    return `<li class="day"><h3><time datetime="${escapeHtml(day.date)}">${escapeHtml(showDay(day.date, ctx.language))}</time></h3>${body}</li>`;
  });
  return `<ol class="days card">${items.join('')}</ol>`;
}
