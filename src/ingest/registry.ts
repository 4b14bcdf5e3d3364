import { alertmanagerParser } from './alertmanager/parse.js';
import type { ParseContext, ParseResult } from './event.js';
import { genericParser } from './generic/parse.js';
import { grafanaParser } from './grafana/parse.js';
import { opsgenieParser } from './opsgenie/index.js';
import { pagerDutyChangeParser, pagerDutyParser } from './pagerduty/parse.js';

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

/** Every format, one line each; `Record` makes a missing one a compile error. */
export const parsers: Record<IngestFormat, IngestParser> = {
  pagerduty: pagerDutyParser,
  'pagerduty-change': pagerDutyChangeParser,
  alertmanager: alertmanagerParser,
  grafana: grafanaParser,
  opsgenie: opsgenieParser,
  generic: genericParser,
};
