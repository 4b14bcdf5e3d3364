import { authorize } from '../../services/shared/authorize.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

/**
 * Live stream of incident changes as Server-Sent Events. Each event is `event: <topic>` (e.g.
 * `incident.acknowledged`) with JSON data `{ id, topic, at, incidentId, data, incident }`. Restricted
 * incidents reach only the people who may see them. A comment line every 20 s keeps proxies open.
 */
export async function liveRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  const open = new Set<() => void>();
  // preClose, not onClose: the server waits for open connections before onClose runs, and a live
  // stream never becomes idle, so shutdown would wait for ever.
  app.addHook('preClose', async () => {
    for (const close of open) close();
  });

  app.get('/api/v1/stream', {
    schema: { tags: ['incidents'], summary: 'Live stream of incident changes (text/event-stream)' },
    handler: (req, reply) => {
      const ctx = ctxOf(deps, req);
      authorize(ctx.actor, 'incident.read');
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': req.id,
      });
      res.write(': connected\n\n');
      const unsubscribe = deps.hub.subscribe(ctx.actor, (e) => {
        res.write(`id: ${e.id}\nevent: ${e.topic}\ndata: ${JSON.stringify(e)}\n\n`);
      });
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 20_000);
      const close = () => {
        clearInterval(keepAlive);
        unsubscribe();
        open.delete(close);
        res.end();
      };
      open.add(close);
      req.raw.on('close', close);
    },
  });
}
