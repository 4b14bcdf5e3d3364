import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 (a free port) that records every request and answers from a script,
 * so tests can make a receiver fail on purpose: `{ status: 500 }`, `{ status: 429, headers:
 * { 'retry-after': '30' } }`, `{ hang: true }` (reads the whole request, never answers: the sender's
 * timeout after sending), `{ destroy: true }` (drops the connection after reading the request).
 * After the script runs out, every request gets the default answer (200 `ok`).
 */

export interface SinkAnswer {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  hang?: boolean;
  destroy?: boolean;
  /** Wait before answering. */
  delayMs?: number;
}

export interface SinkRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface HttpSink {
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  requests: SinkRequest[];
  /** Answers for the next requests, in order. */
  script(...answers: SinkAnswer[]): void;
  close(): Promise<void>;
}

export async function startHttpSink(defaultAnswer: SinkAnswer = { status: 200, body: 'ok' }): Promise<HttpSink> {
  const requests: SinkRequest[] = [];
  const queue: SinkAnswer[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const a = queue.shift() ?? defaultAnswer;
      const answer = () => {
        if (a.hang) return;
        if (a.destroy) {
          req.socket.destroy();
          return;
        }
        res.writeHead(a.status ?? 200, { 'content-type': 'text/plain', ...(a.headers ?? {}) });
        res.end(a.body ?? '');
      };
      if (a.delayMs) setTimeout(answer, a.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...answers) => queue.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
