import type { EventAction, FieldError, ParseContext, ParseResult } from '../event.js';
import { isObject, truncate } from '../shared.js';
import { dedupKeyFromAlias } from './alias.js';
import { httpUrl, text } from './fields.js';

const ACTIONS = new Map<string, EventAction>([
  ['close', 'resolve'],
  ['acknowledge', 'acknowledge'],
]);


/**
 * Opsgenie `POST /v2/alerts/{identifier}/close|acknowledge?identifierType=…` (interop.md §4.2) → one
 * `resolve` or `acknowledge` event for the alert whose dedup key is the alias.
 *
 * Only `identifierType=alias` is supported (what Alertmanager sends): Opsgenie's `id` (its default when
 * the parameter is absent) and `tiny` name Opsgenie's own alert numbers, which Hikeshi never issued,
 * so they are a field error on `identifierType` rather than a silent no-op that leaves the alert open.
 * The alias goes through the same hashing as on create, so a long alias closes what it opened.
 *
 * The body is optional (`{user?, source?, note?}`): `source` → source (and clientUrl when a URL),
 * `user` and `note` → details as received. The summary is the note, or says how the change came in.
 * An unknown alias is not an error here: the pipeline accepts it and does nothing, like PagerDuty.
 */
export function parseOpsgenieAction(
  action: 'close' | 'acknowledge',
  identifier: string,
  identifierType: string | undefined,
  body: unknown,
  ctx: ParseContext,
): ParseResult {
  const eventAction = typeof action === 'string' ? ACTIONS.get(action) : undefined;
  if (eventAction === undefined) {
    return { ok: false, errors: [{ field: 'action', message: "Only 'close' and 'acknowledge' are supported." }] };
  }
  const errors: FieldError[] = [];

  const type = identifierType === undefined ? 'id' : typeof identifierType === 'string' ? identifierType.trim() : '';
  if (type.toLowerCase() !== 'alias') {
    errors.push({
      field: 'identifierType',
      message: `identifierType ${JSON.stringify(truncate(type, 20))} is not supported: Hikeshi finds alerts by alias only, add ?identifierType=alias (Opsgenie's default is 'id').`,
    });
  }

  const hasIdentifier = typeof identifier === 'string' && identifier.trim() !== '';
  if (!hasIdentifier) errors.push({ field: 'identifier', message: 'The alert alias in the path can not be empty.' });

  const payload = body == null || body === '' ? {} : body;
  if (!isObject(payload)) errors.push({ field: 'body', message: 'The request body must be a JSON object when given.' });

  if (errors.length > 0 || !hasIdentifier || !isObject(payload)) return { ok: false, errors };

  const details: Record<string, unknown> = {};
  if (payload.user !== undefined) details.user = payload.user;
  if (payload.note !== undefined) details.note = payload.note;
  return {
    ok: true,
    events: [
      {
        kind: 'alert',
        action: eventAction,
        dedupKey: dedupKeyFromAlias(identifier),
        // An acknowledge/resolve changes an existing alert; without a note the summary says how it came.
        summary: text(payload.note) ?? `(${eventAction === 'resolve' ? 'closed' : 'acknowledged'} via Opsgenie API)`,
        source: text(payload.source),
        // Not a signal: an acknowledge/resolve does not change the alert's severity.
        severity: 'info',
        component: null,
        group: null,
        class: null,
        labels: {},
        details,
        links: [],
        occurredAt: ctx.receivedAt,
        client: null,
        clientUrl: httpUrl(payload.source),
      },
    ],
  };
}
