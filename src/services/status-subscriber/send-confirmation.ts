import { enqueueOutbound, outboundKey } from '../../notify/outbound/enqueue.js';
import { subscriberLink } from '../../notify/outbound/subscriber-links.js';
import { toLocale } from '../../notify/render/i18n.js';
import type { TxContext } from '../context.js';
import { pageUrl } from '../../domain/status/page-url.js';
import { componentIdsOf, componentNames, type PageRow, type SubscriberRow } from './load.js';
import { renderConfirmEmail } from './render-email.js';

/** At most one confirmation e-mail per subscriber in this long: subscribing cannot be used to flood an inbox. */
export const CONFIRMATION_INTERVAL_MS = 10 * 60_000;

/**
 * Queue the double opt-in e-mail for an e-mail subscriber, unless one was queued in the last ten
 * minutes. Returns whether one was queued. The key names the ten-minute slot, so two requests racing
 * in one slot write one message.
 */
export async function sendConfirmation(t: TxContext, page: PageRow, sub: SubscriberRow): Promise<boolean> {
  if (sub.channel !== 'email') return false;
  const now = Date.parse(t.now);
  const since = new Date(now - CONFIRMATION_INTERVAL_MS).toISOString();
  const recent = await t.tx
    .selectFrom('outboundMessage')
    .select('id')
    .where('subscriberId', '=', sub.id)
    .where('purpose', '=', 'subscriber_confirm')
    .where('createdAt', '>', since)
    .executeTakeFirst();
  if (recent) return false;
  const base = pageUrl(page, t.publicUrl);
  const chosen = componentIdsOf(sub);
  const names = chosen ? (await componentNames(t.tx, page.id, chosen)).map((c) => c.name) : null;
  const email = renderConfirmEmail({
    locale: toLocale(sub.language),
    pageName: page.name,
    components: names,
    confirmUrl: subscriberLink(base, t.secret, 'confirm', sub.id),
    pageUrl: base,
  });
  const slot = String(Math.floor(now / CONFIRMATION_INTERVAL_MS));
  const created = await enqueueOutbound(
    t.tx,
    [
      {
        idempotencyKey: outboundKey('subscriber_confirm', sub.id, slot),
        purpose: 'subscriber_confirm',
        channel: 'email',
        address: sub.address,
        email,
        pageId: page.id,
        subscriberId: sub.id,
      },
    ],
    t.now,
  );
  return created > 0;
}
