import { isReady } from '../../store/db.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

export async function healthRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  /** Process alive. */
  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  /** Database reachable and migrations applied. */
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    const ready = await isReady(deps.store);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', database: deps.store.dialect });
  });
}
