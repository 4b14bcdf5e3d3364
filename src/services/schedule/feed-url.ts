import { notFound } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { feedUrl } from './feed-token.js';
import { loadScheduleRow } from './model.js';

/** The calendar subscription URL of a schedule (signed; no bearer token needed to fetch it). */
export async function getScheduleFeedUrl(ctx: ServiceContext, id: string): Promise<{ url: string }> {
  authorize(ctx.actor, 'oncall.read');
  await loadScheduleRow(ctx.store.db, id);
  return { url: feedUrl(ctx.publicUrl, 'schedule', id, ctx.secret) };
}

/** The calendar subscription URL of one person's shifts on every schedule. */
export async function getUserFeedUrl(ctx: ServiceContext, userId: string): Promise<{ url: string }> {
  authorize(ctx.actor, 'oncall.read');
  const u = await ctx.store.db.selectFrom('appUser').select('id').where('id', '=', userId).executeTakeFirst();
  if (!u) throw notFound('user', userId);
  return { url: feedUrl(ctx.publicUrl, 'user', userId, ctx.secret) };
}
