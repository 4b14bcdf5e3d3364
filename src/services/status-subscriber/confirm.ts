import { inTransaction, type ServiceContext } from '../context.js';
import { type HtmlPage, linkResultPage } from './render-page.js';
import { verifySubscriberLink } from './verify-link.js';

/**
 * The POST of a confirmation link's button: the double opt-in completes and updates start. Again is
 * harmless; a subscriber who unsubscribed after the link was sent stays unsubscribed (they subscribe
 * again on the page).
 */
export async function confirmSubscriber(ctx: ServiceContext, link: { slug: string; subscriberId: string; token: unknown }): Promise<HtmlPage> {
  return inTransaction(ctx, async (t) => {
    const v = await verifySubscriberLink(t.tx, { secret: t.secret, publicUrl: t.publicUrl, ...link, purpose: 'confirm' });
    if (!v.ok) return v.result;
    const { page, sub, locale } = v;
    if (sub.unsubscribedAt) return linkResultPage(locale, page.name, v.pageUrl, { kind: 'cancelled' });
    await t.tx
      .updateTable('statusSubscriber')
      .set({ confirmedAt: t.now, updatedAt: t.now })
      .where('id', '=', sub.id)
      .where('confirmedAt', 'is', null)
      .where('unsubscribedAt', 'is', null)
      .execute();
    return linkResultPage(locale, page.name, v.pageUrl, { kind: 'confirmed' });
  });
}
