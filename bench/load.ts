import http from 'node:http';
import net from 'node:net';

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

/** One request of a `loadRaw` run; the body is sent as `application/json`. */
export interface RawRequest {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface RawLoadResult {
  /** Answers with an expected status inside the measured window. */
  ok: number;
  /** `ok` per second of the measured window. */
  perSecond: number;
  /** Latency of the expected answers, ms. */
  p50: number;
  p99: number;
  max: number;
  /** Unexpected statuses plus socket errors inside the measured window. */
  errors: number;
  socketErrors: number;
  /** Answers that came after the window (requests still in flight when it closed). */
  late: number;
  /** Every answer in the measured window by status code. */
  statuses: Record<string, number>;
  /** The first body seen for each unexpected status (truncated), to say why. */
  samples: Record<string, string>;
  /** Length of the measured window, s. */
  elapsed: number;
  /** CPU the load generator itself used in the window, in cores. */
  loadgenCores: number;
}

/** Forget a socket: no more events reach the run (a late error is swallowed). */
function drop(socket: net.Socket): void {
  socket.removeAllListeners();
  socket.on('error', () => {});
  socket.destroy();
}

/** The HTTP/1.1 bytes of a request: keep-alive, JSON body. */
function encode(host: string, r: RawRequest): string {
  let head = `${r.method} ${r.path} HTTP/1.1\r\nhost: ${host}\r\n`;
  if (r.headers) for (const [k, v] of Object.entries(r.headers)) head += `${k}: ${v}\r\n`;
  if (r.body === undefined) return `${head}\r\n`;
  return `${head}content-type: application/json\r\ncontent-length: ${Buffer.byteLength(r.body)}\r\n\r\n${r.body}`;
}

/** Bytes of a complete response at the head of `buf` (0 while incomplete), its status and whether the server closes. */
function parseResponse(buf: Buffer): { size: number; status: number; close: boolean; bodyStart: number } {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return { size: 0, status: 0, close: false, bodyStart: 0 };
  const head = buf.toString('latin1', 0, end);
  const status = Number(head.slice(9, 12));
  const close = /\r\nconnection:[ \t]*close/i.test(head);
  const bodyStart = end + 4;
  const length = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head);
  if (length) {
    const size = bodyStart + Number(length[1]);
    return { size: buf.length >= size ? size : 0, status, close, bodyStart };
  }
  if (!/\r\ntransfer-encoding:[ \t]*chunked/i.test(head)) return { size: bodyStart, status, close, bodyStart };
  // Chunked: walk the chunk-size lines to the last chunk (no trailers expected).
  let pos = bodyStart;
  for (;;) {
    const eol = buf.indexOf('\r\n', pos);
    if (eol < 0) return { size: 0, status, close, bodyStart };
    const n = Number.parseInt(buf.toString('latin1', pos, eol), 16);
    if (n === 0) {
      const size = eol + 4;
      return { size: buf.length >= size ? size : 0, status, close, bodyStart };
    }
    pos = eol + 2 + n + 2;
    if (pos > buf.length) return { size: 0, status, close, bodyStart };
  }
}

/**
 * Closed-loop load over raw keep-alive sockets (much lighter than http.request, so on a 2-core box
 * the load generator takes less CPU from the server, like wrk does): `connections` sockets each send
 * a request, wait for its answer, and send the next. The first `warmupSeconds` are not counted; then
 * `seconds` are measured. Only answers for which `ok(status)` holds count as throughput; the rest
 * are errors, broken down by status.
 */
export async function loadRaw(opts: {
  port: number;
  host?: string;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  request: () => RawRequest;
  ok: (status: number) => boolean;
}): Promise<RawLoadResult> {
  const host = opts.host ?? '127.0.0.1';
  const hostHeader = `${host}:${opts.port}`;
  const measureStart = performance.now() + opts.warmupSeconds * 1000;
  const measureEnd = measureStart + opts.seconds * 1000;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const samples: Record<string, string> = {};
  let errors = 0;
  let socketErrors = 0;
  let late = 0;
  let cpuStart: NodeJS.CpuUsage | undefined;
  const cpuTimer = setTimeout(() => {
    cpuStart = process.cpuUsage();
  }, opts.warmupSeconds * 1000);
  let cpuEnd: NodeJS.CpuUsage | undefined;
  const endTimer = setTimeout(() => {
    cpuEnd = process.cpuUsage(cpuStart);
  }, (opts.warmupSeconds + opts.seconds) * 1000);

  // A server that stops answering must not hang the run: 10 s after the window, cut every socket.
  const aborters: (() => void)[] = [];
  const abortTimer = setTimeout(() => {
    for (const abort of aborters) abort();
  }, (opts.warmupSeconds + opts.seconds + 10) * 1000);

  const connection = () =>
    new Promise<void>((done) => {
      let socket: net.Socket;
      aborters.push(() => {
        drop(socket);
        done();
      });
      let buf: Buffer | null = null;
      let sentAt = 0;
      let inFlight = false;
      const send = () => {
        if (performance.now() >= measureEnd) {
          socket.end();
          done();
          return;
        }
        inFlight = true;
        sentAt = performance.now();
        socket.write(encode(hostHeader, opts.request()));
      };
      const open = () => {
        buf = null;
        inFlight = false;
        socket = net.connect({ host, port: opts.port });
        socket.setNoDelay(true);
        socket.on('connect', send);
        socket.on('data', (chunk: Buffer) => {
          buf = buf ? Buffer.concat([buf, chunk]) : chunk;
          const r = parseResponse(buf);
          if (r.size === 0) return;
          const now = performance.now();
          inFlight = false;
          if (now >= measureStart && now < measureEnd) {
            statuses[r.status] = (statuses[r.status] ?? 0) + 1;
            if (opts.ok(r.status)) latencies.push(now - sentAt);
            else {
              errors++;
              samples[r.status] ??= buf.toString('utf8', r.bodyStart, Math.min(r.size, r.bodyStart + 300));
            }
          } else if (now >= measureEnd) late++;
          buf = buf.length > r.size ? buf.subarray(r.size) : null;
          if (r.close) {
            drop(socket);
            open();
          } else send();
        });
        socket.on('error', () => {
          const now = performance.now();
          if (now >= measureStart && now < measureEnd) {
            socketErrors++;
            errors++;
          }
        });
        socket.on('close', () => {
          socket.removeAllListeners();
          if (performance.now() >= measureEnd) return done();
          // The server hung up (or refused): back off a little, then reconnect.
          setTimeout(open, inFlight ? 0 : 10);
        });
      };
      open();
    });

  await Promise.all(Array.from({ length: opts.connections }, connection));
  clearTimeout(cpuTimer);
  clearTimeout(endTimer);
  clearTimeout(abortTimer);
  const elapsed = opts.seconds;
  const cpu = cpuEnd ?? process.cpuUsage(cpuStart);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return {
    ok: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: pct(0.5),
    p99: pct(0.99),
    max: latencies[latencies.length - 1] ?? 0,
    errors,
    socketErrors,
    late,
    statuses,
    samples,
    elapsed,
    loadgenCores: (cpu.user + cpu.system) / 1e6 / elapsed,
  };
}
