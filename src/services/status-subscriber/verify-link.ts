import { type SubscriberLinkPurpose, subscriberTokenValid } from '../../notify/outbound/subscriber-links.js';
import { type Locale, toLocale } from '../../notify/render/i18n.js';
import type { Executor } from '../context.js';
import { pageUrl } from '../../domain/status/page-url.js';
import type { PageRow, SubscriberRow } from './load.js';
import { type HtmlPage, linkResultPage } from './render-page.js';

export type VerifiedLink =
  | { ok: true; page: PageRow; sub: SubscriberRow; locale: Locale; pageUrl: string }
  | { ok: false; result: HtmlPage };

/**
 * The subscriber a confirm/unsubscribe link names, if its token is that subscriber's token for this
 * purpose and the subscriber belongs to the page in the URL. Anything else is one "this link does
 * not work" page (404): it does not tell a wrong token from an unknown subscriber.
 */
export async function verifySubscriberLink(
  ex: Executor,
  opts: { secret: string; publicUrl: string; slug: string; subscriberId: string; token: unknown; purpose: SubscriberLinkPurpose },
): Promise<VerifiedLink> {
  const page = await ex.selectFrom('statusPage').selectAll().where('slug', '=', opts.slug.toLowerCase()).executeTakeFirst();
  const locale = toLocale(page?.language);
  const invalid = (): VerifiedLink => ({ ok: false, result: linkResultPage(locale, page?.name ?? 'Hikeshi', page ? pageUrl(page, opts.publicUrl) : opts.publicUrl, { kind: 'invalid' }) });
  if (!page || !subscriberTokenValid(opts.secret, opts.purpose, opts.subscriberId, opts.token)) return invalid();
  const sub = await ex.selectFrom('statusSubscriber').selectAll().where('id', '=', opts.subscriberId).where('pageId', '=', page.id).executeTakeFirst();
  if (!sub) return invalid();
  return { ok: true, page, sub, locale: toLocale(sub.language), pageUrl: pageUrl(page, opts.publicUrl) };
}
