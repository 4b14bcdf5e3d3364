/**
 * The JSON a webhook subscriber receives for a maintenance notice. Statuspage delivers scheduled
 * maintenance through its incident webhooks (a scheduled maintenance is an incident with
 * `scheduled_for`/`scheduled_until` and `impact: "maintenance"`), so the body has the shape of
 * webhook-body.ts with the scheduled maintenance object (reference/interop.md §5.3) as `incident`:
 *
 *   {
 *     "meta":     { "unsubscribe", "documentation" },
 *     "page":     { "id", "status_indicator", "status_description" },
 *     "incident": { id, name, status: scheduled|in_progress|completed, impact: "maintenance",
 *                   scheduled_for, scheduled_until, incident_updates (newest first), components, … }
 *   }
 *
 * The object describes the occurrence the notice is about (for a recurring window, not necessarily
 * the one the page shows by then), with the status the notice announces; its updates are the ones
 * the page's JSON derives for an occurrence (public-page.ts), so ids agree.
 */
import type { Occurrence } from '../../domain/status/maintenance-schedule.js';
import { statusOf } from '../../domain/status/statuspage-json.js';
import type { MaintenanceModel, UpdateModel } from '../../domain/status/statuspage-model.js';
import { shapeComponents, shapeMaintenance } from '../../domain/status/statuspage-objects.js';
import type { SPScheduledMaintenance } from '../../domain/status/statuspage-types.js';
import type { MaintenanceStatus } from '../../domain/status/types.js';
import type { PageState } from '../status-page/page-state.js';
import { pageModel } from '../status-page/public-page.js';
import type { MaintenanceNoticeKind } from './maintenance-notice-kind.js';

export interface MaintenanceWebhookBody {
  meta: { unsubscribe: string; documentation: string };
  page: { id: string; status_indicator: string; status_description: string };
  incident: SPScheduledMaintenance;
}

export interface NoticeWindow {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

/** The window's occurrence as a Statuspage scheduled maintenance at the notice's status. */
function noticeModel(w: NoticeWindow, o: Occurrence, kind: MaintenanceNoticeKind, componentIds: readonly string[]): MaintenanceModel {
  const key = `${w.id}-${Date.parse(o.start)}`;
  const scheduledAt = w.createdAt < o.start ? w.createdAt : o.start;
  const updates: UpdateModel<MaintenanceStatus>[] = [{ id: `${key}-s`, status: 'scheduled', body: w.description || w.name, createdAt: scheduledAt }];
  if (kind !== 'scheduled') updates.push({ id: `${key}-p`, status: 'in_progress', body: w.description || w.name, createdAt: o.start });
  if (kind === 'completed') updates.push({ id: `${key}-c`, status: 'completed', body: w.name, createdAt: o.end });
  const last = updates.at(-1)!.createdAt;
  return {
    id: w.id,
    name: w.name,
    createdAt: w.createdAt,
    updatedAt: last > w.updatedAt ? last : w.updatedAt,
    startedAt: o.start,
    componentIds,
    updates,
    status: kind,
    scheduledFor: o.start,
    scheduledUntil: o.end,
  };
}

/** The body for every subscriber of one page and notice, as a function of the subscriber's unsubscribe link. */
export function maintenanceWebhookBodies(
  state: PageState,
  notice: { window: NoticeWindow; occurrence: Occurrence; kind: MaintenanceNoticeKind; componentIds: readonly string[] },
  url: string,
  documentation: string,
): (unsubscribe: string) => MaintenanceWebhookBody {
  const model = pageModel(state, url);
  const status = statusOf(model);
  const shaped = shapeMaintenance(model.page, noticeModel(notice.window, notice.occurrence, notice.kind, notice.componentIds), shapeComponents(model.page.id, model.components));
  return (unsubscribe) => ({
    meta: { unsubscribe, documentation },
    page: { id: model.page.id, status_indicator: status.indicator, status_description: status.description },
    incident: shaped,
  });
}
