import type { FieldError } from '../event.js';

/**
 * Opsgenie's HTTP edges (interop.md §4): the `GenieKey` credential and the response bodies. Create,
 * close and acknowledge answer 202 with `{result, took, requestId}`; a body that cannot be processed
 * is a 422 with `{message, errors: {<field>: <message>}, took, requestId}`, as Opsgenie answers.
 */

/** The key from `Authorization: GenieKey <key>` (scheme in any case, spaces around forgiven); else null. */
export function opsgenieAuthKey(authorizationHeader: string | undefined): string | null {
  if (typeof authorizationHeader !== 'string') return null;
  const m = /^\s*geniekey\s+(\S+)\s*$/i.exec(authorizationHeader);
  return m?.[1] ?? null;
}

export interface OpsgenieAccepted {
  result: 'Request will be processed';
  took: number;
  requestId: string;
}

export interface OpsgenieErrorBody {
  message: string;
  errors?: Record<string, string>;
  took: number;
  requestId: string;
}

export const OPSGENIE_UNPROCESSABLE = 'Request body is not processable. Please check the errors.';

/** The 202 body, field order as Opsgenie's own (TV-9). `took` is in seconds. */
export function opsgenieAccepted(requestId: string, tookSeconds: number): OpsgenieAccepted {
  return { result: 'Request will be processed', took: seconds(tookSeconds), requestId };
}

/**
 * A 4xx body in Opsgenie's error shape. Field errors become `errors: {field: message}` (messages for
 * one field joined), left out when there are none.
 */
export function opsgenieError(
  message: string,
  requestId: string,
  errors?: readonly FieldError[],
  tookSeconds = 0,
): OpsgenieErrorBody {
  const took = seconds(tookSeconds);
  if (!errors || errors.length === 0) return { message, took, requestId };
  const byField: Record<string, string> = {};
  for (const e of errors) byField[e.field] = byField[e.field] ? `${byField[e.field]} ${e.message}` : e.message;
  return { message, errors: byField, took, requestId };
}

/** The 422 body for a parser's field errors. */
export function opsgenieValidationError(errors: readonly FieldError[], requestId: string, tookSeconds = 0): OpsgenieErrorBody {
  return opsgenieError(OPSGENIE_UNPROCESSABLE, requestId, errors, tookSeconds);
}

/** Seconds with millisecond precision, like Opsgenie's `0.302`; 0 for nonsense. */
function seconds(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.round(value * 1000) / 1000 : 0;
}
