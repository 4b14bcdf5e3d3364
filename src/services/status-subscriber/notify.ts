import type { IncidentUpdateStatus } from '../../domain/status/types.js';
import { enqueueOutbound, type NewOutboundMessage, outboundKey } from '../../notify/outbound/enqueue.js';
import { subscriberLink } from '../../notify/outbound/subscriber-links.js';
import { toLocale } from '../../notify/render/i18n.js';
import type { TxContext } from '../context.js';
import { loadPageState, type PageState } from '../status-page/page-state.js';
import { pageUrl } from '../../domain/status/page-url.js';
import { activeSubscribers, componentIdsOf } from './load.js';
import { renderUpdateEmail } from './render-email.js';
import { statusWebhookBodies } from './webhook-body.js';

export interface NotifySubscribersInput {
  pageId: string;
  statusIncidentId: string;
  updateId: string;
  /** Components the update is about (groups allowed); empty: the whole page. */
  componentIds: readonly string[];
  /** The page's state read in this transaction after the update, if the caller has it (saves reading it again). */
  state?: PageState;
}

interface ComponentLink {
  id: string;
  groupId: string | null;
  isGroup: number;
}

/**
 * Whether a subscriber's choice covers an update. A whole-page subscriber (null) gets everything; an
 * update naming no component is about the whole page and goes to everyone. Otherwise some component
 * of the update must be chosen, or its group (a group subscriber also gets components added to the
 * group after subscribing: edge case 47), or — for an update naming a group — one of its components.
 */
export function coversUpdate(chosen: readonly string[] | null, updateComponentIds: readonly string[], components: readonly ComponentLink[]): boolean {
  if (chosen === null || updateComponentIds.length === 0) return true;
  const want = new Set(chosen);
  const byId = new Map(components.map((c) => [c.id, c]));
  return updateComponentIds.some((id) => {
    if (want.has(id)) return true;
    const c = byId.get(id);
    if (c?.groupId && want.has(c.groupId)) return true;
    return c?.isGroup === 1 && components.some((x) => x.groupId === id && want.has(x.id));
  });
}

/**
 * Fan one posted status update out to the page's subscribers, in the caller's transaction (the
 * "post status update" use case): one outbound message per confirmed, subscribed subscriber whose
 * choice covers the update, keyed by (update, subscriber) — so each update reaches each subscriber
 * once even if the use case runs twice or two instances race. E-mails are rendered in the
 * subscriber's language with the page's zone; webhooks get the Statuspage-shaped body
 * (webhook-body.ts). Returns how many messages were queued now.
 */
export async function notifySubscribers(t: TxContext, input: NotifySubscribersInput): Promise<number> {
  const page = await t.tx.selectFrom('statusPage').selectAll().where('id', '=', input.pageId).executeTakeFirst();
  if (!page) return 0;
  const subscribers = await activeSubscribers(t.tx, page.id);
  if (subscribers.length === 0) return 0;
  const update = await t.tx
    .selectFrom('statusUpdate')
    .innerJoin('statusIncident', 'statusIncident.id', 'statusUpdate.statusIncidentId')
    .select(['statusUpdate.id', 'statusUpdate.status', 'statusUpdate.body', 'statusUpdate.createdAt', 'statusIncident.title', 'statusIncident.incidentId'])
    .where('statusUpdate.id', '=', input.updateId)
    .where('statusIncident.id', '=', input.statusIncidentId)
    .where('statusIncident.pageId', '=', page.id)
    .executeTakeFirst();
  if (!update) return 0;

  const components = await t.tx.selectFrom('statusComponent').select(['id', 'name', 'groupId', 'isGroup', 'position']).where('pageId', '=', page.id).orderBy('position').orderBy('id').execute();
  const named = new Set(input.componentIds);
  const affected = components.filter((c) => named.has(c.id)).map((c) => c.name);
  const base = pageUrl(page, t.publicUrl);
  const recipients = subscribers.filter((s) => coversUpdate(componentIdsOf(s), input.componentIds, components));
  const webhookBody = recipients.some((s) => s.channel === 'webhook')
    ? statusWebhookBodies(input.state ?? (await loadPageState(t.tx, page, t.now)), input.statusIncidentId, base, `${t.publicUrl.replace(/\/+$/, '')}/api/docs`)
    : null;

  const messages: NewOutboundMessage[] = [];
  for (const s of recipients) {
    const unsubscribeUrl = subscriberLink(base, t.secret, 'unsubscribe', s.id);
    const common = {
      idempotencyKey: outboundKey('status_update', update.id, s.id),
      purpose: 'status_update' as const,
      address: s.address,
      pageId: page.id,
      subscriberId: s.id,
      incidentId: update.incidentId,
      sourceId: update.id,
    };
    if (s.channel === 'email') {
      const email = renderUpdateEmail({
        locale: toLocale(s.language),
        pageName: page.name,
        timeZone: page.timeZone,
        title: update.title,
        status: update.status as IncidentUpdateStatus,
        message: update.body,
        components: affected,
        at: update.createdAt,
        pageUrl: base,
        unsubscribeUrl,
      });
      messages.push({ ...common, channel: 'email', email });
    } else if (s.channel === 'webhook' && webhookBody) {
      messages.push({ ...common, channel: 'webhook', webhook: { body: webhookBody(unsubscribeUrl), signingId: s.id } });
    }
  }
  return enqueueOutbound(t.tx, messages, t.now);
}
