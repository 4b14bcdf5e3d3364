import type { AlertSeverity, FieldError, ParseContext, ParseResult } from '../event.js';
import { isObject, stringMap } from '../shared.js';
import { dedupKeyFromAlias } from './alias.js';
import { httpUrl, text } from './fields.js';

/**
 * Opsgenie `POST /v2/alerts` (interop.md §4.1) → one `trigger` event.
 *
 * - `message` (required) → summary. Opsgenie caps it at 130 characters, but other senders post longer
 *   ones to Opsgenie-compatible endpoints; we keep up to MAX_SUMMARY (1024) and truncate beyond, as
 *   for every format, rather than reject a message Opsgenie's users never saw rejected.
 * - `alias` → dedupKey (long aliases hashed, see alias.ts); absent or blank → null, the pipeline
 *   generates one (Opsgenie assigns a unique alias too).
 * - `priority` P1..P5 → severity (P1 critical, P2 error, P3 warning, P4/P5 info; default P3).
 * - `entity` → component, `source` → source (and clientUrl when it is an http(s) URL).
 * - `details` (string map) → labels as they are; `tags` → labels `tag:<tag>` = `"true"` (tags are
 *   names without values; the prefix keeps them apart from details keys and Prometheus label names,
 *   and a tag wins a clash). Rules can then test `labels["tag:Critical"]` exists.
 * - `description`, `responders`, `visibleTo`, `actions`, `tags`, `details`, `user`, `note` → event
 *   details under their own names, as received (responders are informative: Hikeshi routes by
 *   service and escalation policy, not by the sender's recipients); `details.priority` is the
 *   effective P-level, so P4 and P5 stay apart.
 *
 * Strict where a mistake changes what happens (message, alias, priority: a field error, as Opsgenie's
 * own 422); lenient where it does not (a wrongly typed description is kept as received; a wrongly
 * typed entity or source is left out).
 */
export function parseOpsgenieCreate(body: unknown, ctx: ParseContext): ParseResult {
  if (!isObject(body)) return { ok: false, errors: [{ field: 'body', message: 'The request body must be a JSON object.' }] };
  const errors: FieldError[] = [];

  const summary = text(body.message);
  if (body.message != null && typeof body.message !== 'string') {
    errors.push({ field: 'message', message: 'Message must be a string.' });
  } else if (summary === null) {
    errors.push({ field: 'message', message: 'Message can not be empty.' });
  }

  const alias = body.alias;
  if (alias != null && typeof alias !== 'string') errors.push({ field: 'alias', message: 'Alias must be a string.' });
  const dedupKey = typeof alias === 'string' && alias.trim() !== '' ? dedupKeyFromAlias(alias) : null;

  const priority = priorityOf(body.priority);
  if (priority === undefined) errors.push({ field: 'priority', message: 'Priority should be one of [P1, P2, P3, P4, P5].' });

  if (errors.length > 0 || summary === null || priority === undefined) return { ok: false, errors };

  return {
    ok: true,
    events: [
      {
        kind: 'alert',
        action: 'trigger',
        dedupKey,
        summary,
        source: text(body.source),
        severity: PRIORITY_SEVERITY.get(priority) ?? 'warning',
        component: text(body.entity),
        group: null,
        class: null,
        labels: labelsOf(body.details, body.tags),
        details: { ...pick(body, DESCRIPTIVE_FIELDS), priority },
        links: [],
        occurredAt: ctx.receivedAt,
        client: null,
        clientUrl: httpUrl(body.source),
      },
    ],
  };
}

const PRIORITY_SEVERITY = new Map<string, AlertSeverity>([
  ['P1', 'critical'],
  ['P2', 'error'],
  ['P3', 'warning'],
  ['P4', 'info'],
  ['P5', 'info'],
]);

/** The P-level (case and spaces forgiven), 'P3' when absent or blank, undefined when invalid. */
function priorityOf(value: unknown): string | undefined {
  if (value == null) return 'P3';
  if (typeof value !== 'string') return undefined;
  const p = value.trim().toUpperCase();
  if (p === '') return 'P3';
  return PRIORITY_SEVERITY.has(p) ? p : undefined;
}

const DESCRIPTIVE_FIELDS = ['description', 'responders', 'visibleTo', 'actions', 'tags', 'details', 'user', 'note'];

function pick(body: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (body[k] !== undefined) out[k] = body[k];
  return out;
}

function labelsOf(details: unknown, tags: unknown): Record<string, string> {
  const labels = stringMap(details);
  if (Array.isArray(tags)) {
    for (const tag of tags) {
      const name = text(tag, 255);
      if (name !== null) labels[`tag:${name}`] = 'true';
    }
  }
  return labels;
}
