import type { FastifyRequest } from 'fastify';
import { errorResponses, IdParams, listOf, NoContent } from '../../contracts/common.js';
import {
  CreateStatusSubscriberBody,
  LinkQuery,
  PublicPageParams,
  PublicSubscribeAnswer,
  PublicSubscribeBody,
  PublicSubscriberParams,
  StatusSubscriber,
  SubscriberParams,
} from '../../contracts/status-subscriber.js';
import { DomainError } from '../../domain/errors.js';
import { SYSTEM_ACTOR, type ServiceContext } from '../../services/context.js';
import { confirmSubscriber } from '../../services/status-subscriber/confirm.js';
import { createStatusSubscriber } from '../../services/status-subscriber/create.js';
import { deleteStatusSubscriber } from '../../services/status-subscriber/delete.js';
import { ListStatusSubscribersQuery, listStatusSubscribers } from '../../services/status-subscriber/list.js';
import { pageBySlug } from '../../services/status-subscriber/load.js';
import { openSubscriberLink } from '../../services/status-subscriber/open-link.js';
import { checkInboxPage, formErrorPage } from '../../services/status-subscriber/render-page.js';
import { pageFacts, subscribeToPage } from '../../services/status-subscriber/subscribe.js';
import { unsubscribeSubscriber } from '../../services/status-subscriber/unsubscribe.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { sendHtmlPage } from '../html-page.js';
import { formCsrfValid, optionalActor } from '../status-reader.js';
import type { HttpApp } from './types.js';

const tags = ['status page subscribers'];

type Form = Record<string, string | string[]>;

/** application/x-www-form-urlencoded, repeated names (`component`) as arrays. */
function parseUrlEncoded(text: string): Form {
  const out: Form = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

/**
 * multipart/form-data, only as far as one-click unsubscribe needs (RFC 8058 allows it): the text
 * fields' names and values. Files are not expected on these routes.
 */
function parseMultipart(text: string): Form {
  const out: Form = {};
  for (const m of text.matchAll(/content-disposition:\s*form-data;\s*name="([^"]*)"[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n([^\r\n]*)/gi)) out[m[1]!] = m[2]!;
  return out;
}

const field = (f: Form, name: string): string | undefined => {
  const v = f[name];
  return Array.isArray(v) ? v[0] : v;
};
const list = (f: Form, name: string): string[] => {
  const v = f[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};


const isForm = (req: FastifyRequest) => /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(req.headers['content-type'] ?? '');

/** The form's field names in its error messages (the JSON body says `componentIds`, the form `component`). */
const formField = (name: string) => name.replace(/^componentIds(\.\d+)?$/, 'component');

/**
 * Subscribing to a status page (SPEC §4.5):
 * - public: `POST /status/{slug}/subscribe` (the page's HTML form, or JSON), and the confirm and
 *   unsubscribe links e-mailed to subscribers (GET shows a button, POST acts; RFC 8058 one-click
 *   POST unsubscribes). The signed token in a link is its credential: no login.
 * - admin: `/api/v1/status-pages/{id}/subscribers`.
 * On a custom domain the page's paths are rewritten to these before routing.
 */
export async function statusSubscriberRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  const publicCtx = (req: FastifyRequest): ServiceContext => ({
    store: deps.store,
    clock: deps.clock,
    actor: SYSTEM_ACTOR,
    requestId: req.id,
    secret: deps.secret,
    publicUrl: deps.publicUrl,
    outbox: deps.outbox,
  });
  // Forms are checked in the use cases (so a form gets an HTML answer naming its fields), not by a schema.
  const anyBody = { validatorCompiler: () => (data: unknown) => ({ value: data }) };

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, parseUrlEncoded(String(body))));
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, parseMultipart(String(body))));

    scope.post('/status/:slug/subscribe', {
      schema: {
        tags,
        summary: 'Subscribe an e-mail address to a status page (double opt-in); also accepts the page’s HTML form (email, component…, language)',
        description:
          'The answer is the same whether or not the address was subscribed before. A confirmation e-mail goes out (at most one per address in 10 minutes); nothing else is sent until its link is followed. Internal pages need a signed-in reader.',
        params: PublicPageParams,
        body: PublicSubscribeBody,
        response: { 202: PublicSubscribeAnswer, ...errorResponses },
      },
      ...anyBody,
      handler: async (req, reply) => {
        const { slug } = req.params as { slug: string };
        const form = isForm(req) ? ((req.body ?? {}) as Form) : null;
        const input = form
          ? {
              email: field(form, 'email') ?? '',
              ...(list(form, 'component').length ? { componentIds: list(form, 'component') } : {}),
              ...(field(form, 'language') ? { language: field(form, 'language') } : {}),
            }
          : req.body;
        const reader = await optionalActor(deps, req);
        const csrfOk = formCsrfValid(deps, req, form ? field(form, 'csrf') : req.headers['x-csrf-token']);
        try {
          const r = await subscribeToPage(publicCtx(req), slug, { actor: reader, csrfOk }, input, { emailEnabled: !!deps.emailEnabled });
          if (!form) return reply.status(202).send({ subscriber: r.subscriber });
          return sendHtmlPage(reply, checkInboxPage(r.page.language, r.page.name, r.page.url));
        } catch (err) {
          if (!form || !(err instanceof DomainError)) throw err;
          if (err.code === 'UNAUTHENTICATED') return reply.redirect(`${deps.publicUrl.replace(/\/+$/, '')}/login?next=${encodeURIComponent(`/status/${slug}`)}`, 303);
          if (err.code !== 'VALIDATION') throw err;
          const page = pageFacts(await pageBySlug(deps.store.db, slug), deps.publicUrl);
          const fields = (err.details?.fields ?? [{ field: 'body', message: err.message }]).map((f) => ({ ...f, field: formField(f.field) }));
          return sendHtmlPage(reply, formErrorPage(page.language, page.name, page.url, fields));
        }
      },
    });

    const linkSchema = (summary: string) => ({ tags, summary, params: PublicSubscriberParams, querystring: LinkQuery });
    const linkOf = (req: FastifyRequest) => {
      const { slug, id } = req.params as { slug: string; id: string };
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Form;
      return { slug, subscriberId: id, token: field(body, 'token') ?? (req.query as { token?: string }).token, body };
    };
    scope.get('/status/:slug/subscribers/:id/confirm', {
      schema: linkSchema('The confirmation link of an e-mail subscriber: a page with a button (HTML); changes nothing'),
      handler: async (req, reply) => sendHtmlPage(reply, await openSubscriberLink(publicCtx(req), { ...linkOf(req), purpose: 'confirm' })),
    });
    scope.post('/status/:slug/subscribers/:id/confirm', {
      schema: linkSchema('Confirm an e-mail subscription (the button of the confirmation page; HTML answer)'),
      ...anyBody,
      handler: async (req, reply) => sendHtmlPage(reply, await confirmSubscriber(publicCtx(req), linkOf(req))),
    });
    scope.get('/status/:slug/subscribers/:id/unsubscribe', {
      schema: linkSchema('The unsubscribe link of every update e-mail: a page with "unsubscribe from all" and per-component choices (HTML); changes nothing'),
      handler: async (req, reply) => sendHtmlPage(reply, await openSubscriberLink(publicCtx(req), { ...linkOf(req), purpose: 'unsubscribe' })),
    });
    scope.post('/status/:slug/subscribers/:id/unsubscribe', {
      schema: linkSchema(
        'Unsubscribe: from everything (the page’s main button, or an RFC 8058 one-click POST `List-Unsubscribe=One-Click`), or `scope=components` with the `component` ids to stop (HTML answer)',
      ),
      ...anyBody,
      handler: async (req, reply) => {
        const { body, ...link } = linkOf(req);
        const scope = field(body, 'scope') === 'components' ? 'components' : 'all';
        return sendHtmlPage(reply, await unsubscribeSubscriber(publicCtx(req), { ...link, scope, componentIds: list(body, 'component') }));
      },
    });
  });

  app.get('/api/v1/status-pages/:id/subscribers', {
    schema: {
      tags,
      summary: 'A status page’s subscribers, oldest first (administrators)',
      params: IdParams,
      querystring: ListStatusSubscribersQuery,
      response: { 200: listOf(StatusSubscriber), ...errorResponses },
    },
    handler: (req) => listStatusSubscribers(ctxOf(deps, req), req.params.id, req.query),
  });
  app.post('/api/v1/status-pages/:id/subscribers', {
    schema: {
      tags,
      summary: 'Add a subscriber: an e-mail address (it still confirms by the link it is sent) or a webhook (active at once)',
      params: IdParams,
      body: CreateStatusSubscriberBody,
      response: { 201: StatusSubscriber, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await createStatusSubscriber(ctxOf(deps, req), req.params.id, req.body)),
  });
  app.delete('/api/v1/status-pages/:id/subscribers/:subscriberId', {
    schema: { tags, summary: 'Remove a subscriber and what is queued for it', params: SubscriberParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await deleteStatusSubscriber(ctxOf(deps, req), req.params.id, req.params.subscriberId);
      return reply.status(204).send(null);
    },
  });
}
