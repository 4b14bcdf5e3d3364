import type { z } from 'zod';
import type { FieldError, NormalizedEvent, ParseContext, ParseResult } from '../event.js';
import type { IngestParser } from '../registry.js';
import { parseInstant, truncate } from '../shared.js';
import { GenericEventBody } from './schema.js';

/**
 * Messages relative to the field they are reported on (the project's `field: message` style). The
 * schema's own messages (URL, instant, blank, action rules) take precedence over these.
 */
const messages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      const expected = issue.expected === 'record' ? 'object' : issue.expected;
      return `must be ${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_union':
      return issue.path?.at(-1) === 'type' ? 'must be "alert" (or absent) or "change"' : undefined;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : undefined;
    default:
      return undefined;
  }
};

/** `links.0.href`; a key that is empty or holds a dot is quoted (`labels["a.b"]`), the root is `body`. */
function pathOf(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    const key = String(s);
    out += key === '' || key.includes('.') || key.includes('[') ? `[${JSON.stringify(key)}]` : `${out ? '.' : ''}${key}`;
  }
  return out || 'body';
}

/** zod issues → FieldError[] with dotted paths; an unknown key is reported under its own path. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: pathOf([...issue.path, key]), message: 'is not a known field: remove it' }));
    }
    return [{ field: pathOf(issue.path), message: issue.message }];
  });
}

/** A generic event body → one normalised event. */
export function parseGenericEvent(body: unknown, ctx: ParseContext): ParseResult {
  const parsed = GenericEventBody.safeParse(body, { error: messages });
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error.issues) };
  const b = parsed.data;
  const occurredAt = parseInstant(b.occurredAt) ?? ctx.receivedAt;
  const event: NormalizedEvent =
    b.type === 'change'
      ? {
          kind: 'change',
          summary: truncate(b.summary),
          source: b.source ?? null,
          details: b.details ?? {},
          links: b.links ?? [],
          occurredAt,
        }
      : {
          kind: 'alert',
          action: b.action,
          dedupKey: b.dedupKey ?? null,
          summary: truncate(b.summary ?? ''),
          source: b.source ?? null,
          severity: b.severity,
          component: b.component ?? null,
          group: b.group ?? null,
          class: b.class ?? null,
          labels: b.labels ?? {},
          details: b.details ?? {},
          links: b.links ?? [],
          occurredAt,
          client: b.client ?? null,
          clientUrl: b.clientUrl ?? null,
        };
  return { ok: true, events: [event] };
}

export const genericParser: IngestParser = { format: 'generic', parse: parseGenericEvent };
