import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { opsgenieError } from '../ingest/opsgenie/wire.js';
import { newId } from '../platform/ids.js';
import { jsonBodyProblem } from './json-limits.js';
import { authenticateRequest } from './auth.js';
import type { AppDeps } from './deps.js';
import { errorHandler } from './errors.js';
import { installMetrics } from './metrics.js';
import { registerRoutes } from './routes/index.js';
import { StatusCache } from './status-cache.js';
import { StatusHosts } from './status-hosts.js';
import { registerWeb } from './web.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Build the HTTP application. It never listens: main.ts or a test decides where. */
export async function createApp(given: AppDeps): Promise<FastifyInstance> {
  const statusHosts = new StatusHosts(given.store.db, !!given.trustProxy);
  await statusHosts.refresh();
  statusHosts.start();
  const deps: AppDeps = { ...given, statusHosts, statusCache: new StatusCache(given.clock) };
  const app = Fastify({
    // A status page bound to a custom domain answers that host's every path (http/status-hosts.ts).
    rewriteUrl: (req) => statusHosts.rewrite(req),
    logger: {
      level: deps.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.genieKey'],
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId();
    },
    bodyLimit: 1024 * 1024,
    // A hop count n means "believe the n nearest proxies" (proxy-addr's hop index is 0 for the socket peer).
    trustProxy: typeof deps.trustProxy === 'number' ? ((_addr: string, hop: number) => hop < (deps.trustProxy as number)) : (deps.trustProxy ?? false),
    // Finish in-flight requests on close; idle keep-alive sockets are closed at once.
    forceCloseConnections: 'idle',
    // Opsgenie aliases in paths may be long (…/v2/alerts/{alias}/close; create takes any length and hashes).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 4096 },
    // Router-level failures (malformed percent-encoding, over-long path segments) get our error shape too.
    frameworkErrors: (err, req, reply) => {
      const status: 400 | 414 = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      if (req.url.startsWith('/v2/alerts')) {
        // Opsgenie senders get Opsgenie's error shape here too.
        return (reply as FastifyReply).status(status).send(opsgenieError(`path: ${status === 414 ? 'the alias is too long' : 'malformed URL'}`, req.id));
      }
      return (reply as FastifyReply)
        .status(status)
        .send({ error: { code: 'VALIDATION', message: `path: ${status === 414 ? 'a path segment is too long' : 'malformed URL'}; check the id in the URL`, requestId: req.id } });
    },
  }).withTypeProvider<ZodTypeProvider>();

  // An empty body means "no body" (curl -X POST …/acknowledge with a JSON content type), not
  // malformed JSON. Otherwise Fastify's own parser, which refuses __proto__ poisoning.
  const json = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
    void json(req, String(body), (err: Error | null, parsed?: unknown) => {
      if (err) return done(err, undefined);
      const problem = jsonBodyProblem(parsed);
      if (problem) return done(Object.assign(new Error(`body: ${problem}`), { statusCode: 400, code: 'HIKESHI_JSON_BODY' }), undefined);
      done(null, parsed);
    });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    // Incident data must not linger in browser or proxy caches.
    if (req.url.startsWith('/api/v1/')) reply.header('cache-control', 'no-store');
  });
  // Graceful shutdown: requests in flight when close() starts finish, and their connections close
  // after the response instead of idling for the keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  await app.register(fastifyCookie);
  installMetrics(app, deps.metrics);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hikeshi API',
        version: '1',
        description:
          'Incident management: services, integrations, incidents and their timelines. Authenticate with `Authorization: Bearer <api token>`. Errors are `{ error: { code, message, requestId, details? } }`; lists are `{ items, nextCursor }`.',
      },
      servers: [{ url: deps.publicUrl }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'hikeshi_session' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: true } });

  // Authentication for the REST API; routes marked `config: { public: true }` opt out.
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/v1/') || req.routeOptions.config?.public) return;
    if (!req.routeOptions.url) return; // unknown route: the 404 handler answers
    await authenticateRequest(deps, req);
  });

  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  app.addHook('onClose', async () => statusHosts.stop());
  await registerRoutes(app, deps);
  await registerWeb(app, deps.webDir);

  app.setNotFoundHandler((req, reply) =>
    app.webFallback(req, reply) ? reply : reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}`, requestId: req.id } }),
  );
  return app;
}

export type App = Awaited<ReturnType<typeof createApp>>;
