import type { Occurrence } from '../../domain/status/maintenance-schedule.js';
import { pageUrl } from '../../domain/status/page-url.js';
import { enqueueOutbound, type NewOutboundMessage, outboundKey } from '../../notify/outbound/enqueue.js';
import { subscriberLink } from '../../notify/outbound/subscriber-links.js';
import { toLocale } from '../../notify/render/i18n.js';
import type { TxContext } from '../context.js';
import { loadPageState } from '../status-page/page-state.js';
import { activeSubscribers, componentIdsOf } from './load.js';
import { renderMaintenanceEmail } from './maintenance-email.js';
import type { MaintenanceNoticeWindow } from './maintenance-load.js';
import type { MaintenanceNoticeKind } from './maintenance-notice-kind.js';
import { maintenanceWebhookBodies } from './maintenance-webhook-body.js';
import { coversUpdate } from './notify.js';

/**
 * Queue one maintenance notice (scheduled, in progress or completed) of one occurrence to the
 * subscribers of `pageIds` (pages the window is shown on), in the caller's transaction. Who gets it
 * follows update notices (notify.ts `coversUpdate`): confirmed, subscribed, and choosing the whole
 * page or a component (or its group) linked to one of the window's services; a window touching no
 * component of a page is about the whole page. Each message is keyed by
 * ('maintenance', window, occurrence start, kind, subscriber), so it goes out once however often
 * this runs — a job run twice, two instances, the use case repeated. Returns how many were queued now.
 */
export async function enqueueMaintenanceNotices(
  t: TxContext,
  w: MaintenanceNoticeWindow,
  occurrence: Occurrence,
  kind: MaintenanceNoticeKind,
  pageIds: readonly string[],
): Promise<number> {
  const shownOn = new Set(w.pageIds);
  const start = new Date(occurrence.start).toISOString();
  const messages: NewOutboundMessage[] = [];
  for (const pageId of pageIds.filter((id) => shownOn.has(id))) {
    const page = await t.tx.selectFrom('statusPage').selectAll().where('id', '=', pageId).executeTakeFirst();
    if (!page) continue;
    const subscribers = await activeSubscribers(t.tx, page.id);
    if (subscribers.length === 0) continue;
    const components = await t.tx
      .selectFrom('statusComponent')
      .select(['id', 'name', 'groupId', 'isGroup', 'serviceId'])
      .where('pageId', '=', page.id)
      .orderBy('position')
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    // The components it puts under maintenance: those (not groups) linked to its services, in page order.
    const affected = components.filter((c) => !c.isGroup && c.serviceId !== null && w.serviceIds.includes(c.serviceId));
    const componentIds = affected.map((c) => c.id);
    const recipients = subscribers.filter((s) => coversUpdate(componentIdsOf(s), componentIds, components));
    if (recipients.length === 0) continue;
    const base = pageUrl(page, t.publicUrl);
    const webhookBody = recipients.some((s) => s.channel === 'webhook')
      ? maintenanceWebhookBodies(await loadPageState(t.tx, page, t.now), { window: w, occurrence, kind, componentIds }, base, `${t.publicUrl.replace(/\/+$/, '')}/api/docs`)
      : null;
    for (const s of recipients) {
      const unsubscribeUrl = subscriberLink(base, t.secret, 'unsubscribe', s.id);
      const common = {
        idempotencyKey: outboundKey('maintenance', w.id, start, kind, s.id),
        purpose: 'maintenance_notice' as const,
        address: s.address,
        pageId: page.id,
        subscriberId: s.id,
        sourceId: w.id,
      };
      if (s.channel === 'email') {
        const email = renderMaintenanceEmail({
          locale: toLocale(s.language),
          kind,
          pageName: page.name,
          timeZone: page.timeZone,
          name: w.name,
          description: w.description,
          occurrence,
          components: affected.map((c) => c.name),
          pageUrl: base,
          unsubscribeUrl,
        });
        messages.push({ ...common, channel: 'email', email });
      } else if (s.channel === 'webhook' && webhookBody) {
        messages.push({ ...common, channel: 'webhook', webhook: { body: webhookBody(unsubscribeUrl), signingId: s.id } });
      }
    }
  }
  return enqueueOutbound(t.tx, messages, t.now);
}
