import { CliError } from './exit-codes.js';

/** Where the CLI talks to and as whom: flags first, then HIKESHI_URL / HIKESHI_TOKEN. */
export interface ClientOptions {
  url: string;
  token: string;
}

export const DEFAULT_URL = 'http://localhost:8080';

export function clientOptions(flags: { url?: string; token?: string }, env: Record<string, string | undefined>): ClientOptions {
  const url = (flags.url ?? env.HIKESHI_URL ?? '').trim() || DEFAULT_URL;
  const token = (flags.token ?? env.HIKESHI_TOKEN ?? '').trim();
  if (!token) throw new CliError('UNAUTHENTICATED', 'no API token: pass --token <token> or set HIKESHI_TOKEN');
  if (!/^https?:\/\//.test(url)) throw new CliError('VALIDATION', `--url must start with http:// or https:// (got "${url}")`);
  return { url: url.replace(/\/+$/, ''), token };
}

export type Query = Record<string, string | number | undefined>;

/** A thin client of the HTTP API: JSON in, JSON out, API errors become CliErrors with their code. */
export class ApiClient {
  constructor(private readonly opts: ClientOptions) {}

  get<T>(path: string, query: Query = {}): Promise<T> {
    return this.request<T>('GET', path, undefined, query);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  async request<T>(method: string, path: string, body?: unknown, query: Query = {}): Promise<T> {
    const url = new URL(this.opts.url + path);
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.opts.token}`,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(30_000),
      });
    } catch (err) {
      const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
      throw new CliError('NETWORK', `cannot reach ${this.opts.url}: ${cause}; is the server running (--url / HIKESHI_URL)?`);
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: reported below when the status is not 2xx */
    }
    if (res.ok) return parsed as T;
    const e = (parsed as { error?: { code?: string; message?: string; requestId?: string } } | null)?.error;
    if (e?.code && e.message) throw new CliError(e.code, e.message, e.requestId ?? null);
    throw new CliError('INTERNAL', `${method} ${url.pathname} answered HTTP ${res.status}: ${text.slice(0, 200)}`);
  }
}
