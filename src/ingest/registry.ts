import type { ParseContext, ParseResult } from './event.js';

/**
 * Inbound formats: one folder each under `ingest/`, one line here. Keyed by integration type, so a
 * type without a parser does not compile. Each parser is pure and never throws on any input: a bad
 * payload is `{ ok: false, errors }` naming the fields.
 */
export type IngestFormat = 'pagerduty' | 'pagerduty-change' | 'alertmanager' | 'grafana' | 'opsgenie' | 'generic';

export interface IngestParser {
  format: IngestFormat;
  parse(body: unknown, ctx: ParseContext): ParseResult;
}
