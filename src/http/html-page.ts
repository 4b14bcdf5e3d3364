import type { FastifyReply } from 'fastify';

/**
 * A small server-rendered page (a respond link's confirmation, a subscriber's confirm/unsubscribe
 * page): never cached, no referrer, no script, posting only back to this site, never framed.
 */
export function sendHtmlPage(reply: FastifyReply, page: { status: number; html: string }): FastifyReply {
  return reply
    .status(page.status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
    .send(page.html);
}
