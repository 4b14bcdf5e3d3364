/**
 * Requests from interop.md §4 and TV-9, for the tests. "Copied" ones are verbatim from the
 * reference; the Alertmanager ones are built from §4.3 (0.25's `opsgenie.go` and default templates)
 * with TV-6's group: two firing HighLatency alerts, `group_by: [alertname]`,
 * `--web.external-url=http://alertmanager.example:9093`, receiver `hikeshi-og`.
 */

/** TV-9 / §4.4: the create-alert sample from docs.opsgenie.com (copied). */
export const DOCS_CREATE = {
  message: 'An example alert message',
  alias: 'Life is too short for no alias',
  description: 'Every alert needs a description',
  responders: [
    { id: '4513b7ea-3b91-438f-b7e4-e3e54af9147c', type: 'team' },
    { name: 'NOC', type: 'team' },
    { id: 'bb4d9938-c3c2-455d-aaab-727aa701c0d8', type: 'user' },
    { username: 'trinity@opsgenie.com', type: 'user' },
    { id: 'aee8a0de-c80f-4515-a232-501c0bc9d715', type: 'escalation' },
    { name: 'Nightwatch Escalation', type: 'escalation' },
    { id: '80564037-1984-4f38-b98e-8a1f662df552', type: 'schedule' },
    { name: 'First Responders Schedule', type: 'schedule' },
  ],
  visibleTo: [
    { id: '4513b7ea-3b91-438f-b7e4-e3e54af9147c', type: 'team' },
    { name: 'rocket_team', type: 'team' },
    { id: 'bb4d9938-c3c2-455d-aaab-727aa701c0d8', type: 'user' },
    { username: 'trinity@opsgenie.com', type: 'user' },
  ],
  actions: ['Restart', 'AnExampleAction'],
  tags: ['OverwriteQuietHours', 'Critical'],
  details: { key1: 'value1', key2: 'value2' },
  entity: 'An example entity',
  priority: 'P1',
};

/** TV-9: the close body (copied), sent to `/v2/alerts/<alias>/close?identifierType=alias`. */
export const DOCS_CLOSE_BODY = { user: 'Monitoring Script', source: 'AWS Lambda', note: 'Action executed via Alert API' };

/** TV-9: Opsgenie's 202 body (copied), as raw JSON so key order is checked too. */
export const DOCS_ACCEPTED_JSON =
  '{"result":"Request will be processed","took":0.302,"requestId":"43a29c5c-3dbf-4fa4-9c26-f4f71023e120"}';

/** The Alertmanager group key; Alertmanager's alias is its SHA-256 hex. */
export const AM_GROUP_KEY = '{}:{alertname="HighLatency"}';
export const AM_ALIAS = 'd4061866bc333de2350285b0452a21f78349e3d63b4f06b6c956f64f95d7be36';
export const AM_SOURCE = 'http://alertmanager.example:9093/#/alerts?receiver=hikeshi-og';

const alertText = (instance: string) =>
  `Labels:\n - alertname = HighLatency\n - instance = ${instance}\n - service = checkout\n - severity = critical\n` +
  'Annotations:\n - summary = p99 latency above 2s\nSource: http://prometheus:9090/graph\n';

/**
 * Alertmanager 0.25, default `opsgenie_configs` entry: alias, message, description, details
 * (the common labels) and source, in Go struct order; the rest is omitted when empty.
 */
export const AM_CREATE = {
  alias: AM_ALIAS,
  message: '[FIRING:2] HighLatency (checkout critical)',
  description: `p99 latency above 2s\nAlerts Firing:\n${alertText('api-1:8080')}${alertText('api-2:8080')}\n`,
  details: { alertname: 'HighLatency', service: 'checkout', severity: 'critical' },
  source: AM_SOURCE,
};

/**
 * The same group with a configured entry: `responders: [{type: teams, name: "sre,dba"}]` (expanded
 * to one team each), `tags: "prod,checkout"` (comma-split), `priority: P1`, `entity`, `actions`, `note`.
 */
export const AM_CREATE_CONFIGURED = {
  ...AM_CREATE,
  responders: [
    { name: 'sre', type: 'team' },
    { name: 'dba', type: 'team' },
  ],
  tags: ['prod', 'checkout'],
  note: 'runbook: https://runbooks.example/latency',
  priority: 'P1',
  entity: 'checkout',
  actions: ['Restart'],
};

/** TV-9: Alertmanager's close when the whole group resolved (derived). */
export const AM_CLOSE = {
  path: `/opsgenie/v2/alerts/${AM_ALIAS}/close?identifierType=alias`,
  identifier: AM_ALIAS,
  identifierType: 'alias',
  authorization: 'GenieKey 0123456789abcdef0123456789abcdef',
  body: { source: AM_SOURCE },
};
