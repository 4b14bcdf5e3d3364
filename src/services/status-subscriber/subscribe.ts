import { PublicSubscribeBody } from '../../contracts/status-subscriber.js';
import { conflict, DomainError } from '../../domain/errors.js';
import { newId } from '../../platform/ids.js';
import { type Actor, inTransaction, type ServiceContext } from '../context.js';
import { parseInput } from '../shared/parse.js';
import { pageUrl } from '../../domain/status/page-url.js';
import { checkComponents, type PageRow, pageBySlug } from './load.js';
import { sendConfirmation } from './send-confirmation.js';

export interface SubscribeResult {
  subscriber: { status: 'pending_confirmation' };
  page: { name: string; language: 'ja' | 'en'; url: string };
}

/**
 * Someone subscribes an e-mail address from a status page (double opt-in): a confirmation e-mail
 * goes out (at most one per address in ten minutes) and nothing else does until its link is
 * followed. The answer is the same whether or not the address was subscribed before:
 * - new address: a pending subscriber;
 * - pending: its choice of components and language becomes this request's;
 * - unsubscribed: pending again, with this request's choice (it must confirm again);
 * - confirmed: unchanged (an anonymous request never alters a confirmed subscription); the
 *   confirmation e-mail goes out again, and its link leads to "confirmed".
 * Internal pages need a signed-in reader.
 */
export interface Reader {
  /** The signed-in person, or null. */
  actor: Actor | null;
  /** A form posted by a session carried its CSRF value (always true for anonymous and bearer readers). */
  csrfOk: boolean;
}

export interface SubscribeOptions {
  /** Outgoing e-mail is configured (HIKESHI_SMTP_URL); without it nobody could confirm. */
  emailEnabled: boolean;
}

export async function subscribeToPage(ctx: ServiceContext, slug: string, reader: Reader, input: unknown, opts: SubscribeOptions): Promise<SubscribeResult> {
  const body = parseInput(PublicSubscribeBody, input);
  return inTransaction(ctx, async (t) => {
    const page = await pageBySlug(t.tx, slug);
    if (page.visibility === 'internal') {
      if (!reader.actor) throw new DomainError('UNAUTHENTICATED', 'this status page is internal: sign in to subscribe to it');
      if (!reader.csrfOk) throw new DomainError('FORBIDDEN', 'csrf: missing or wrong CSRF value; reload the page and send the form again');
    }
    if (!opts.emailEnabled) throw conflict('e-mail subscriptions are not available: this server sends no e-mail (HIKESHI_SMTP_URL is not set)');
    const componentIds = await checkComponents(t.tx, page.id, 'componentIds', body.componentIds);
    const language = body.language ?? (page.language === 'ja' ? 'ja' : 'en');
    const choice = { componentIds: componentIds && JSON.stringify(componentIds), language };

    await t.tx
      .insertInto('statusSubscriber')
      .values({
        id: newId(),
        pageId: page.id,
        channel: 'email',
        address: body.email,
        ...choice,
        confirmedAt: null,
        unsubscribedAt: null,
        createdAt: t.now,
        updatedAt: t.now,
      })
      .onConflict((oc) => oc.columns(['pageId', 'channel', 'address']).doNothing())
      .execute();
    let sub = await t.tx
      .selectFrom('statusSubscriber')
      .selectAll()
      .where('pageId', '=', page.id)
      .where('channel', '=', 'email')
      .where('address', '=', body.email)
      .executeTakeFirstOrThrow();
    if (sub.unsubscribedAt || !sub.confirmedAt) {
      const reset = { ...choice, confirmedAt: null, unsubscribedAt: null, updatedAt: t.now };
      if (sub.componentIds !== reset.componentIds || sub.language !== reset.language || sub.unsubscribedAt) {
        await t.tx.updateTable('statusSubscriber').set(reset).where('id', '=', sub.id).execute();
        sub = { ...sub, ...reset };
      }
    }
    await sendConfirmation(t, page, sub);
    return { subscriber: { status: 'pending_confirmation' }, page: pageFacts(page, t.publicUrl) };
  });
}

export const pageFacts = (page: PageRow, publicUrl: string): SubscribeResult['page'] => ({
  name: page.name,
  language: page.language === 'ja' ? 'ja' : 'en',
  url: pageUrl(page, publicUrl),
});
