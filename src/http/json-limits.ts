/** How deep a request body may nest: deeper input is refused before anything stores (or stringifies) it. */
export const MAX_JSON_DEPTH = 64;

/**
 * Why a parsed JSON body cannot be taken, or null: nested deeper than MAX_JSON_DEPTH (serialising it
 * again would overflow the stack), or a string holding U+0000, which PostgreSQL text cannot store.
 * Iterative, so hostile input cannot overflow the stack here either.
 */
export function jsonBodyProblem(body: unknown): string | null {
  const stack: [unknown, number][] = [[body, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return 'a string contains U+0000 (NUL), which cannot be stored; remove it';
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_JSON_DEPTH) return `nested deeper than ${MAX_JSON_DEPTH} levels; flatten it`;
    if (Array.isArray(value)) {
      for (const v of value) stack.push([v, depth + 1]);
    } else {
      for (const [k, v] of Object.entries(value)) {
        if (k.includes('\u0000')) return 'a key contains U+0000 (NUL), which cannot be stored; remove it';
        stack.push([v, depth + 1]);
      }
    }
  }
  return null;
}
