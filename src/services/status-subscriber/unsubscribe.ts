import { inTransaction, type ServiceContext } from '../context.js';
import { componentIdsOf, componentNames } from './load.js';
import { formErrorPage, type HtmlPage, linkResultPage } from './render-page.js';
import { verifySubscriberLink } from './verify-link.js';

export interface UnsubscribeRequest {
  slug: string;
  subscriberId: string;
  token: unknown;
  /**
   * `all` (the page's main button, and RFC 8058 one-click: `List-Unsubscribe=One-Click`), or
   * `components`: stop only `componentIds` of a per-component subscription.
   */
  scope: 'all' | 'components';
  componentIds?: readonly string[];
}

/**
 * The POST behind an unsubscribe link. Unsubscribing all takes effect at once, also for messages
 * already queued (delivery cancels them); again is harmless. Removing every component of a
 * per-component subscription is unsubscribing.
 */
export async function unsubscribeSubscriber(ctx: ServiceContext, req: UnsubscribeRequest): Promise<HtmlPage> {
  return inTransaction(ctx, async (t) => {
    const v = await verifySubscriberLink(t.tx, { secret: t.secret, publicUrl: t.publicUrl, slug: req.slug, subscriberId: req.subscriberId, token: req.token, purpose: 'unsubscribe' });
    if (!v.ok) return v.result;
    const { page, sub, locale } = v;
    const done = () => linkResultPage(locale, page.name, v.pageUrl, { kind: 'unsubscribed' });
    if (sub.unsubscribedAt) return done();

    const current = componentIdsOf(sub);
    if (req.scope === 'components' && current) {
      const drop = new Set(req.componentIds ?? []);
      if (drop.size === 0) {
        return formErrorPage(locale, page.name, v.pageUrl, [{ field: 'component', message: locale === 'ja' ? '停止するコンポーネントを選んでください' : 'choose at least one component to stop' }]);
      }
      const remaining = current.filter((id) => !drop.has(id));
      if (remaining.length > 0) {
        if (remaining.length < current.length) {
          await t.tx.updateTable('statusSubscriber').set({ componentIds: JSON.stringify(remaining), updatedAt: t.now }).where('id', '=', sub.id).execute();
        }
        const names = (await componentNames(t.tx, page.id, remaining)).map((c) => c.name);
        return linkResultPage(locale, page.name, v.pageUrl, { kind: 'components_removed', remaining: names });
      }
    }
    await t.tx.updateTable('statusSubscriber').set({ unsubscribedAt: t.now, updatedAt: t.now }).where('id', '=', sub.id).where('unsubscribedAt', 'is', null).execute();
    return done();
  });
}
