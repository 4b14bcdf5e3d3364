import type { SubscriberLinkPurpose } from '../../notify/outbound/subscriber-links.js';
import type { ServiceContext } from '../context.js';
import { componentIdsOf, componentNames } from './load.js';
import { confirmPage, type HtmlPage, linkResultPage, unsubscribePage } from './render-page.js';
import { verifySubscriberLink } from './verify-link.js';

/**
 * GET of a confirm or unsubscribe link: shows what the button would do and changes nothing (mail
 * scanners and link previews follow GETs). A link whose work is already done says so.
 */
export async function openSubscriberLink(
  ctx: ServiceContext,
  link: { slug: string; subscriberId: string; token: unknown; purpose: SubscriberLinkPurpose },
): Promise<HtmlPage> {
  const v = await verifySubscriberLink(ctx.store.db, { secret: ctx.secret, publicUrl: ctx.publicUrl, ...link });
  if (!v.ok) return v.result;
  const { page, sub, locale } = v;
  const token = String(link.token);
  if (link.purpose === 'confirm') {
    if (sub.unsubscribedAt) return linkResultPage(locale, page.name, v.pageUrl, { kind: 'cancelled' });
    if (sub.confirmedAt) return linkResultPage(locale, page.name, v.pageUrl, { kind: 'confirmed' });
    return confirmPage(locale, page.name, sub.address, token);
  }
  if (sub.unsubscribedAt) return linkResultPage(locale, page.name, v.pageUrl, { kind: 'unsubscribed' });
  const chosen = componentIdsOf(sub);
  const components = chosen ? await componentNames(ctx.store.db, page.id, chosen) : null;
  return unsubscribePage(locale, page.name, sub.address, token, components);
}
