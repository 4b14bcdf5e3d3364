/**
 * Reading a status page (SPEC §3): the HTML page, the Statuspage v2 JSON documents and the feeds,
 * at `/status/{slug}/…` and, for a page bound to a custom domain, at that host's `/…` (status-hosts.ts
 * rewrites those URLs before routing). Public pages answer anyone, with CORS open for their GETs so
 * status widgets on other sites can read them; internal pages need a signed-in reader (the HTML sends
 * them to the login page, the JSON and feeds answer 401) and are never shared across origins.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { atomFeed, type FeedEntry, type FeedPage, rssFeed } from '../../domain/status/feed.js';
import { STATUSPAGE_DOCUMENTS, type StatuspageDocumentName } from '../../domain/status/statuspage-json.js';
import { readPublicPage } from '../../services/status-page/public-page.js';
import type { PublicPageView } from '../../services/status-page/public-view.js';
import type { PageRow } from '../../services/status-page/view.js';
import type { AppDeps } from '../deps.js';
import { Body, StatusCache } from '../status-cache.js';
import { renderStatusNotFound, renderStatusPage } from '../status-html/index.js';
import { formCsrf, loginRedirect, optionalActor } from '../status-reader.js';
import type { HttpApp } from './types.js';

const SlugParams = z.strictObject({ slug: z.string().max(100) });
const DocParams = z.strictObject({ slug: z.string().max(100), '*': z.string().max(200) });
const EntryParams = z.strictObject({ slug: z.string().max(100), id: z.string().max(100) });

/** No script may run on these pages; styles are inline; forms post back to the page itself. */
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

type Access = { page: PageRow } | { denied: 'not_found' | 'login' };

function language(req: FastifyRequest): 'ja' | 'en' {
  return /^\s*ja\b/i.test(req.headers['accept-language'] ?? '') ? 'ja' : 'en';
}

export async function statusPublicRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  const cache = deps.statusCache ?? new StatusCache(deps.clock);
  /** A public page's answer from the cache (keyed by its updated_at), an internal page's made fresh. */
  const cached = async (req: FastifyRequest, page: PageRow, what: string, make: () => Promise<string>): Promise<Body> =>
    page.visibility === 'public' ? cache.get(`${page.id}\u0000${page.updatedAt}\u0000${what}\u0000${req.originalUrl.startsWith('/status/')}`, make) : new Body(await make());
  /** A status page is mostly repeated markup (90 bars a component): gzip takes 188 KB to 9 KB. */
  const send = (req: FastifyRequest, reply: FastifyReply, body: Body) => {
    reply.header('vary', [reply.getHeader('vary'), 'accept-encoding'].filter(Boolean).join(', '));
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(body.gzip());
    return reply.send(body.text);
  };
  const pageFor = async (req: FastifyRequest, slug: string): Promise<Access> => {
    const page = await deps.store.db.selectFrom('statusPage').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (!page) return { denied: 'not_found' };
    if (page.visibility === 'internal' && !(await optionalActor(deps, req))) return { denied: 'login' };
    return { page };
  };
  /** The page as this request reached it: on its custom domain, links are relative to `/`. */
  const viewOf = (req: FastifyRequest, page: PageRow, withUptime = false): Promise<PublicPageView> => {
    const onCustomDomain = !req.originalUrl.startsWith('/status/');
    return readPublicPage(deps.store.db, page, {
      now: deps.clock.now().toISOString(),
      publicUrl: deps.publicUrl,
      basePath: onCustomDomain ? '' : `/status/${encodeURIComponent(page.slug)}`,
      emailSubscriptions: !!deps.emailEnabled,
      withUptime,
    });
  };
  const readHeaders = (reply: FastifyReply, page: PageRow) => {
    if (page.visibility === 'public') {
      reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=10');
    } else {
      reply.header('cache-control', 'private, no-store').header('vary', 'cookie, authorization');
    }
  };
  const apiDenied = (reply: FastifyReply, req: FastifyRequest, denied: 'not_found' | 'login') =>
    denied === 'login'
      ? reply.status(401).send({ error: { code: 'UNAUTHENTICATED', message: 'this status page is internal: log in or send "Authorization: Bearer <api token>"', requestId: req.id } })
      : reply.status(404).header('access-control-allow-origin', '*').send({ error: { code: 'NOT_FOUND', message: 'no such status page', requestId: req.id } });

  app.get('/status/:slug', { config: { public: true }, schema: { hide: true, params: SlugParams } }, async (req, reply) => {
    const access = await pageFor(req, req.params.slug);
    reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', HTML_CSP).header('referrer-policy', 'same-origin').header('x-content-type-options', 'nosniff');
    if ('denied' in access) {
      if (access.denied === 'login') return reply.redirect(`${deps.publicUrl.replace(/\/+$/, '')}${loginRedirect(req)}`, 302);
      return reply.status(404).send(renderStatusNotFound(language(req)));
    }
    readHeaders(reply, access.page);
    // Only internal pages are rendered per reader; a public page's HTML is cached and shared.
    const csrfToken = access.page.visibility === 'internal' ? formCsrf(deps, req) : undefined;
    return send(req, reply, await cached(req, access.page, 'html', async () => renderStatusPage(await viewOf(req, access.page, true), csrfToken ? { csrfToken } : {})));
  });

  app.get('/status/:slug/incidents/:id', { config: { public: true }, schema: { hide: true, params: EntryParams } }, async (req, reply) => {
    const base = req.originalUrl.startsWith('/status/') ? `/status/${encodeURIComponent(req.params.slug)}` : '/';
    const kind = (await deps.store.db.selectFrom('maintenanceWindow').select('id').where('id', '=', req.params.id).executeTakeFirst()) ? 'maintenance' : 'incident';
    return reply.redirect(`${base}#${kind}-${req.params.id.replace(/[^A-Za-z0-9_-]/g, '_')}`, 302);
  });

  app.get('/status/:slug/api/v2/*', { config: { public: true }, schema: { hide: true, params: DocParams } }, async (req, reply) => {
    const name = req.params['*'].replace(/\.json$/, '') as StatuspageDocumentName;
    const shape = Object.hasOwn(STATUSPAGE_DOCUMENTS, name) && req.params['*'].endsWith('.json') ? STATUSPAGE_DOCUMENTS[name] : null;
    if (!shape) {
      return reply
        .status(404)
        .header('access-control-allow-origin', '*')
        .send({ error: { code: 'NOT_FOUND', message: `no document ${req.params['*']}; try summary.json, status.json, components.json, incidents.json, incidents/unresolved.json, scheduled-maintenances.json, scheduled-maintenances/upcoming.json or scheduled-maintenances/active.json`, requestId: req.id } });
    }
    const access = await pageFor(req, req.params.slug);
    if ('denied' in access) return apiDenied(reply, req, access.denied);
    readHeaders(reply, access.page);
    const body = await cached(req, access.page, name, async () => JSON.stringify(shape((await viewOf(req, access.page)).model)));
    return send(req, reply.header('content-type', 'application/json; charset=utf-8'), body);
  });

  for (const kind of ['atom', 'rss'] as const) {
    app.get(`/status/:slug/feed.${kind}`, { config: { public: true }, schema: { hide: true, params: SlugParams } }, async (req, reply) => {
      const access = await pageFor(req, req.params.slug);
      if ('denied' in access) return apiDenied(reply, req, access.denied);
      readHeaders(reply, access.page);
      const body = await cached(req, access.page, `feed.${kind}`, () => feedOf(req, access.page, kind));
      const type = kind === 'atom' ? 'application/atom+xml' : 'application/rss+xml';
      return send(req, reply.header('content-type', `${type}; charset=utf-8`), body);
    });
  }
  async function feedOf(req: FastifyRequest, row: PageRow, kind: 'atom' | 'rss'): Promise<string> {
      const view = await viewOf(req, row);
      const page: FeedPage = {
        name: view.page.name,
        url: view.url,
        feedUrl: `${view.url}/feed.${kind}`,
        language: view.page.language,
        timeZone: view.page.timeZone,
        updatedAt: view.model.page.updatedAt,
      };
      const entries: FeedEntry[] = [...view.model.incidents, ...view.model.maintenances].map((e) => ({
        id: e.id,
        name: e.name,
        createdAt: e.createdAt,
        updatedAt: e.updatedAt,
        updates: e.updates.map((u) => ({ status: u.status, body: u.body, displayAt: u.displayAt ?? u.createdAt })),
      }));
      return kind === 'atom' ? atomFeed(page, entries) : rssFeed(page, entries);
  }

  // CORS preflight for widgets on other origins (public GETs only; nothing else is offered).
  app.options('/status/:slug/*', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
    reply.status(204).header('access-control-allow-origin', '*').header('access-control-allow-methods', 'GET, HEAD, OPTIONS').header('access-control-max-age', '86400').send(),
  );
}
