import type { Command } from 'commander';
import { ApiClient, clientOptions } from './client.js';
import { CliError, EXIT_FAILURE } from './exit-codes.js';

/** What a client command works with: the API client, --json, and where to print. */
export interface Run {
  client: ApiClient;
  json: boolean;
  out(text: string): void;
}

/** Run a client command: API errors become exit codes through cli/exit-codes.ts. */
export async function run(cmd: Command, fn: (r: Run) => Promise<void>): Promise<void> {
  const globals = cmd.optsWithGlobals<{ url?: string; token?: string; json?: boolean }>();
  try {
    const client = new ApiClient(clientOptions(globals, process.env));
    await fn({ client, json: globals.json === true, out: (t) => process.stdout.write(t) });
  } catch (err) {
    const e = err instanceof CliError ? err : new CliError('INTERNAL', err instanceof Error ? err.message : String(err));
    process.stderr.write(`${e.describe()}\n`);
    process.exitCode = e.exitCode || EXIT_FAILURE;
  }
}

/** Print the answer: raw JSON with --json, otherwise the readable form. */
export function show<T>(r: Run, value: T, readable: (v: T) => string): void {
  r.out(r.json ? `${JSON.stringify(value, null, 2)}\n` : readable(value));
}
