import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpApp } from './routes/types.js';

/**
 * The web application (web/, built by `npm run build` into dist/web) served at `/`. Hashed assets
 * are cached for a year; every other GET that asks for HTML and is not an API, ingest, status or
 * respond path gets index.html, so deep links (/incidents/01J…) load the app, which routes them.
 * From src/http (tsx) and from dist/http (built) the bundle is at <repo>/dist/web.
 */
export const WEB_DIR = path.resolve(import.meta.dirname, '..', '..', 'dist', 'web');

/** Paths that belong to the server, never to the app's router. */
const SERVER_PREFIXES = ['/api/', '/v2/', '/respond/', '/status/', '/healthz', '/readyz', '/metrics', '/assets/'];

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Hikeshi</title>
<p>The web application has not been built. Run <code>npm run build</code> (or <code>npm start</code>, which builds first).</p>
<p>The API is available at <a href="/api/docs">/api/docs</a>.</p>`;

export async function registerWeb(app: HttpApp, webDir = WEB_DIR): Promise<void> {
  const built = existsSync(path.join(webDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: path.join(webDir, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
      wildcard: true,
    });
  }
  // Read once: the bundle does not change while the server runs.
  const indexHtml = built ? readFileSync(path.join(webDir, 'index.html'), 'utf8') : NOT_BUILT;
  const sendIndex = (reply: FastifyReply) =>
    reply
      .status(built ? 200 : 503)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CSP)
      .header('x-frame-options', 'DENY')
      .send(indexHtml);
  app.get('/', { config: { public: true }, schema: { hide: true } }, (_req, reply) => sendIndex(reply));
  app.decorate('webFallback', (req: FastifyRequest, reply: FastifyReply) => {
    if (!isAppPath(req)) return false;
    void sendIndex(reply);
    return true;
  });
}

/** A GET or HEAD for HTML on a path the app's router owns. */
export function isAppPath(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const p = req.url.split('?')[0] ?? '/';
  if (SERVER_PREFIXES.some((x) => p === x.replace(/\/$/, '') || p.startsWith(x))) return false;
  return (req.headers.accept ?? '').includes('text/html');
}

declare module 'fastify' {
  interface FastifyInstance {
    webFallback: (req: FastifyRequest, reply: FastifyReply) => boolean;
  }
}
