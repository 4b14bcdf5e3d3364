/** Reads the subscriber use cases share: pages, subscribers, component choices. */
import type { Selectable } from 'kysely';
import { DomainError, validation } from '../../domain/errors.js';
import { type Locale, toLocale } from '../../notify/render/i18n.js';
import type { StatusPageTable, StatusSubscriberTable } from '../../store/schema-status.js';
import type { Executor } from '../context.js';

export type PageRow = Selectable<StatusPageTable>;
export type SubscriberRow = Selectable<StatusSubscriberTable>;

export const pageLocale = (page: PageRow): Locale => toLocale(page.language);

/** The page a public URL names; a 404 naming the slug. */
export async function pageBySlug(ex: Executor, slug: string): Promise<PageRow> {
  const page = await ex.selectFrom('statusPage').selectAll().where('slug', '=', slug.toLowerCase()).executeTakeFirst();
  if (!page) throw new DomainError('NOT_FOUND', `slug: no status page "${slug}"`, { fields: [{ field: 'slug', message: `no status page "${slug}"` }] });
  return page;
}

export async function pageById(ex: Executor, id: string): Promise<PageRow> {
  const page = await ex.selectFrom('statusPage').selectAll().where('id', '=', id).executeTakeFirst();
  if (!page) throw new DomainError('NOT_FOUND', `status page ${id} does not exist`);
  return page;
}

/** A subscriber of this page, or null (a link naming another page's subscriber finds nothing). */
export async function subscriberOf(ex: Executor, pageId: string, id: string): Promise<SubscriberRow | null> {
  return (await ex.selectFrom('statusSubscriber').selectAll().where('id', '=', id).where('pageId', '=', pageId).executeTakeFirst()) ?? null;
}

/** Subscribers who get a page's news: confirmed (double opt-in done) and not unsubscribed, by id. */
export async function activeSubscribers(ex: Executor, pageId: string): Promise<SubscriberRow[]> {
  return ex
    .selectFrom('statusSubscriber')
    .selectAll()
    .where('pageId', '=', pageId)
    .where('confirmedAt', 'is not', null)
    .where('unsubscribedAt', 'is', null)
    .orderBy('id')
    .execute();
}

/** The stored component choice: null for the whole page. */
export function componentIdsOf(row: Pick<SubscriberRow, 'componentIds'>): string[] | null {
  if (row.componentIds === null) return null;
  const ids = JSON.parse(row.componentIds) as unknown;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : null;
}

/**
 * Chosen components must be this page's (groups allowed): a 400 naming the field and the ids, not a
 * silent subscription to nothing. Returns them unique and sorted; null when none were chosen.
 */
export async function checkComponents(ex: Executor, pageId: string, field: string, ids: readonly string[] | undefined): Promise<string[] | null> {
  const unique = [...new Set(ids ?? [])].sort();
  if (unique.length === 0) return null;
  const found = await ex.selectFrom('statusComponent').select('id').where('pageId', '=', pageId).where('id', 'in', unique).execute();
  const known = new Set(found.map((f) => f.id));
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length) throw validation(field, `no component ${missing.join(', ')} on this status page`);
  return unique;
}

/** Names of components (and groups), in page order, for e-mails and pages. */
export async function componentNames(ex: Executor, pageId: string, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return ex
    .selectFrom('statusComponent')
    .select(['id', 'name'])
    .where('pageId', '=', pageId)
    .where('id', 'in', [...ids])
    .orderBy('position')
    .orderBy('id')
    .execute();
}
