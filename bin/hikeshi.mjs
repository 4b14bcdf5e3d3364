#!/usr/bin/env node
// The `hikeshi` command. `npm ci` builds dist/ (the `prepare` script); `npm start` rebuilds it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('hikeshi: dist/ is missing; run `npm run build` (or `npm ci`) in the Hikeshi folder first\n');
  process.exit(1);
}
await import(entry.href);
