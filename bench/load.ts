import http from 'node:http';

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function once(port: number, method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: { ...headers, ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** Closed-loop load: `connections` workers issue requests back to back for `seconds`. */
export async function load(opts: {
  port: number;
  method: string;
  path: string | (() => string);
  body?: () => string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  okStatus: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + opts.seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      const path = typeof opts.path === 'string' ? opts.path : opts.path();
      const status = await once(opts.port, opts.method, path, opts.body?.(), opts.headers ?? {}).catch(() => -1);
      latencies.push(performance.now() - t);
      if (status !== opts.okStatus) errors++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50: pct(0.5), p99: pct(0.99), errors };
}
