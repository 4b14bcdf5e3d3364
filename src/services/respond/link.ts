import { DomainError } from '../../domain/errors.js';
import { loadIncident } from '../../notify/delivery/attempt.js';
import { type LinkData, verifyLink } from '../../notify/render/links.js';
import type { IncidentSummary } from '../../notify/render/message.js';
import { linkActionApplies, type RespondOutcome, renderRespondPage, renderRespondResultPage } from '../../notify/render/respond-page.js';
import { toLocale } from '../../notify/render/i18n.js';
import { actorForUser } from '../auth/authenticate.js';
import type { Executor, ServiceContext } from '../context.js';
import { acknowledgeIncident } from '../incident/acknowledge.js';
import { resolveIncident } from '../incident/resolve.js';

/**
 * The one-click links in notifications (SPEC §4.4): the link is a signed, expiring capability to
 * acknowledge or resolve one incident as its recipient. Opening it (GET) only shows what would
 * happen and a button, because mail scanners follow links; the button's POST acts, as the recipient,
 * with the same rules as the API (a disabled person or an incident they may not see: refused).
 */
export interface RespondPage {
  status: number;
  html: string;
}

export async function openRespondLink(ctx: ServiceContext, token: string): Promise<RespondPage> {
  const v = await verified(ctx, token);
  if (!v.ok) return v.page;
  return { status: 200, html: renderRespondPage({ locale: v.locale, timeZone: v.timeZone, link: v.link, incident: v.incident, userName: v.userName, formAction: `/respond/${token}` }) };
}

export async function useRespondLink(ctx: ServiceContext, token: string): Promise<RespondPage> {
  const v = await verified(ctx, token);
  if (!v.ok) return v.page;
  const result = (outcome: RespondOutcome, status: number, incident = v.incident): RespondPage => ({
    status,
    html: renderRespondResultPage({ locale: v.locale, outcome, action: v.link.action, incident, incidentUrl: `${ctx.publicUrl}/incidents/${incident.id}` }),
  });
  if (!linkActionApplies(v.link.action, v.incident.status)) return result('already', 409);
  const actor = await actorForUser(ctx.store.db, v.link.userId);
  if (!actor) return result('forbidden', 403);
  try {
    const act = v.link.action === 'acknowledge' ? acknowledgeIncident : resolveIncident;
    await act({ ...ctx, actor }, v.link.incidentId, { message: 'from the link in a notification' });
  } catch (err) {
    if (err instanceof DomainError && err.code === 'FORBIDDEN') return result('forbidden', 403);
    if (err instanceof DomainError && (err.code === 'CONFLICT' || err.code === 'NOT_FOUND')) return result('already', 409);
    throw err;
  }
  return result('done', 200, (await incidentSummary(ctx.store.db, v.link.incidentId)) ?? v.incident);
}

type Verified =
  | { ok: true; link: LinkData; incident: IncidentSummary; userName: string; locale: ReturnType<typeof toLocale>; timeZone: string }
  | { ok: false; page: RespondPage };

async function verified(ctx: ServiceContext, token: string): Promise<Verified> {
  const checked = verifyLink(token, ctx.secret, ctx.clock.now());
  const fail = (outcome: RespondOutcome, status: number, locale = toLocale(undefined)): Verified => ({ ok: false, page: { status, html: renderRespondResultPage({ locale, outcome }) } });
  if (!checked.ok) return checked.reason === 'expired' ? fail('expired', 410) : fail('invalid', 404);
  const user = await ctx.store.db.selectFrom('appUser').select(['name', 'locale', 'timeZone']).where('id', '=', checked.link.userId).executeTakeFirst();
  const incident = await incidentSummary(ctx.store.db, checked.link.incidentId);
  if (!user || !incident) return fail('invalid', 404, toLocale(user?.locale));
  return { ok: true, link: checked.link, incident, userName: user.name, locale: toLocale(user.locale), timeZone: user.timeZone };
}

async function incidentSummary(ex: Executor, id: string): Promise<IncidentSummary | null> {
  return (await loadIncident(ex, id))?.summary ?? null;
}
