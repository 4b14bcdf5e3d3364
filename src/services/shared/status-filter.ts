import { validation } from '../../domain/errors.js';

/**
 * Parse a `status` query: one status or a comma-separated list; `open` means triggered and
 * acknowledged. Unknown values are a 400 naming the field and the valid values.
 */
export function parseStatusFilter(s: string | undefined, allowed: readonly string[], what: string): string[] | undefined {
  if (!s) return undefined;
  const out = new Set<string>();
  for (const part of s.split(',').map((x) => x.trim()).filter(Boolean)) {
    if (part === 'open') {
      out.add('triggered');
      out.add('acknowledged');
    } else if (allowed.includes(part)) out.add(part);
    else throw validation('status', `unknown ${what} status "${part}"; use ${allowed.join(', ')} or open`);
  }
  return [...out];
}
