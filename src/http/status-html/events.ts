/**
 * Incidents and scheduled maintenances as cards: the public name, the impact, the latest status,
 * every update newest first (its status, its message with line breaks kept, its time in the page's
 * zone), and the components it names. Which incidents are open is decided by page-incident.ts, the
 * rule the JSON API and the feeds use, so the three tell the same story.
 */
import { compareUpdates, pageIncidentState } from '../../domain/status/page-incident.js';
import type { IncidentModel, MaintenanceModel, UpdateModel } from '../../domain/status/statuspage-model.js';
import { isUnresolved, type PageIncidentStatus, type UpdateStatus } from '../../domain/status/types.js';
import { escapeHtml } from '../../notify/render/html.js';
import { timeHtml } from './format.js';
import type { PageLanguage, StatusPageStrings } from './strings.js';

export interface EventContext {
  s: StatusPageStrings;
  language: PageLanguage;
  timeZone: string;
  /** Component names by id, for "affected components". */
  componentNames: ReadonlyMap<string, string>;
}

const displayAt = (u: UpdateModel<UpdateStatus>) => u.displayAt ?? u.createdAt;

/** Updates newest first, ordered as everywhere else (page-incident.ts `compareUpdates`). */
export function newestFirst<S extends UpdateStatus>(updates: readonly UpdateModel<S>[]): UpdateModel<S>[] {
  return [...updates].sort((a, b) => compareUpdates({ ...b, displayAt: displayAt(b) }, { ...a, displayAt: displayAt(a) }));
}

/** The incident's status on the page (its latest update), as the JSON API reports it. */
export function incidentStatus(incident: IncidentModel): PageIncidentStatus {
  const updates = incident.updates.map((u) => ({ id: u.id, status: u.status, displayAt: displayAt(u), createdAt: u.createdAt }));
  return pageIncidentState(updates, incident.postmortemPublishedAt ?? null).status;
}

export const isOpen = (incident: IncidentModel): boolean => isUnresolved(incidentStatus(incident));

function updatesHtml(ctx: EventContext, updates: readonly UpdateModel<UpdateStatus>[]): string {
  if (updates.length === 0) return '';
  const items = newestFirst(updates).map(
    (u) =>
      `<li class="update"><span class="update-status">${escapeHtml(ctx.s.updateStatus[u.status])}</span>` +
      `<p class="update-body">${escapeHtml(u.body)}</p>` +
      `<p class="update-time">${timeHtml(displayAt(u), ctx.timeZone, ctx.language)}</p></li>`,
  );
  return `<ol class="updates">${items.join('')}</ol>`;
}

function affectedHtml(ctx: EventContext, componentIds: readonly string[]): string {
  const names = componentIds.flatMap((id) => ctx.componentNames.get(id) ?? []);
  if (names.length === 0) return '';
  return `<p class="affected">${escapeHtml(ctx.s.affectedComponents + ctx.s.labelSeparator)}${names.map(escapeHtml).join(escapeHtml(ctx.s.listSeparator))}</p>`;
}

/** A class name from a value: only what a class may hold (values are enums, but never trusted). */
export const cls = (value: string) => value.replace(/[^a-z0-9_-]/g, '');

/** `id` attributes from data: only characters that cannot leave the attribute or start markup. */
const anchor = (prefix: string, id: string) => `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export function incidentHtml(ctx: EventContext, incident: IncidentModel, heading: 'h3' | 'h4'): string {
  const status = incidentStatus(incident);
  return (
    `<article class="card event impact-${cls(incident.impact)}" id="${anchor('incident', incident.id)}">` +
    `<${heading}>${escapeHtml(incident.name)}</${heading}>` +
    `<p class="event-meta"><span>${escapeHtml(ctx.s.impactLabel + ctx.s.labelSeparator + ctx.s.impact[incident.impact])}</span>` +
    `<span>${escapeHtml(ctx.s.updateStatus[status])}</span></p>` +
    updatesHtml(ctx, incident.updates) +
    affectedHtml(ctx, incident.componentIds) +
    `</article>`
  );
}

export function maintenanceHtml(ctx: EventContext, maintenance: MaintenanceModel, heading: 'h3' | 'h4'): string {
  const impact = maintenance.impact ?? 'maintenance';
  const from = timeHtml(maintenance.scheduledFor, ctx.timeZone, ctx.language);
  const to = timeHtml(maintenance.scheduledUntil, ctx.timeZone, ctx.language);
  return (
    `<article class="card event impact-${cls(impact)}" id="${anchor('maintenance', maintenance.id)}">` +
    `<${heading}>${escapeHtml(maintenance.name)}</${heading}>` +
    `<p class="event-meta"><span>${escapeHtml(ctx.s.updateStatus[maintenance.status])}</span>` +
    `<span>${escapeHtml(ctx.s.impactLabel + ctx.s.labelSeparator + ctx.s.impact[impact])}</span></p>` +
    `<p class="window">${ctx.s.maintenanceWindow(from, to)}</p>` +
    updatesHtml(ctx, maintenance.updates) +
    affectedHtml(ctx, maintenance.componentIds) +
    `</article>`
  );
}
