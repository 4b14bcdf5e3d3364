import { conflict } from '../../domain/errors.js';
import type { Executor } from '../context.js';

/** Slugs and host names name one page each: a 409 naming the field, not a constraint 500. */
export async function requireFreeSlug(ex: Executor, slug: string): Promise<void> {
  const taken = await ex.selectFrom('statusPage').select('id').where('slug', '=', slug).executeTakeFirst();
  if (taken) throw conflict(`a status page with slug "${slug}" already exists (${taken.id}); choose another slug`, { field: 'slug' });
}

export async function requireFreeHostname(ex: Executor, hostname: string, pageId: string | null): Promise<void> {
  const taken = await ex.selectFrom('statusPage').select('id').where('hostname', '=', hostname).executeTakeFirst();
  if (taken && taken.id !== pageId) throw conflict(`host name ${hostname} already serves status page ${taken.id}`, { field: 'hostname' });
}
