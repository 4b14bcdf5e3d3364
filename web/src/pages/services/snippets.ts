import type { IntegrationType } from '../../api/admin';

/**
 * Copy-paste configuration for the tools that send to an integration, built from the address the
 * browser reached Hikeshi at (the same paths as README.md's integration section).
 */
export interface Snippet {
  /** Which message names this snippet (services.snippets.<id>). */
  id: 'alertmanagerWebhook' | 'grafana' | 'alertmanagerPagerduty' | 'pagerdutyCurl' | 'alertmanagerOpsgenie' | 'opsgenieCurl' | 'genericCurl' | 'email' | 'heartbeat';
  text: string;
  lang: 'yaml' | 'text' | 'shell';
}

export const ingestUrl = (origin: string, type: IntegrationType, key: string): string => {
  switch (type) {
    case 'pagerduty':
      return `${origin}/v2/enqueue`;
    case 'opsgenie':
      return `${origin}/v2/alerts`;
    case 'alertmanager':
      return `${origin}/api/v1/integrations/${key}/alertmanager`;
    case 'grafana':
      return `${origin}/api/v1/integrations/${key}/grafana`;
    case 'generic':
      return `${origin}/api/v1/integrations/${key}/events`;
    case 'email':
      return `${key}@${new URL(origin).hostname}`;
  }
};

export function snippetsFor(origin: string, type: IntegrationType, key: string): Snippet[] {
  const url = ingestUrl(origin, type, key);
  const heartbeat: Snippet = { id: 'heartbeat', lang: 'shell', text: `curl -fsS -X POST ${origin}/api/v1/integrations/${key}/heartbeat` };
  switch (type) {
    case 'alertmanager':
      return [
        {
          id: 'alertmanagerWebhook',
          lang: 'yaml',
          text: `route:\n  receiver: hikeshi\nreceivers:\n  - name: hikeshi\n    webhook_configs:\n      - url: ${url}\n        send_resolved: true\n`,
        },
        heartbeat,
      ];
    case 'grafana':
      return [{ id: 'grafana', lang: 'text', text: `Integration: Webhook\nURL: ${url}\nHTTP Method: POST\n` }, heartbeat];
    case 'pagerduty':
      return [
        {
          id: 'alertmanagerPagerduty',
          lang: 'yaml',
          text: `receivers:\n  - name: hikeshi\n    pagerduty_configs:\n      - routing_key: ${key}\n        url: ${url}\n`,
        },
        {
          id: 'pagerdutyCurl',
          lang: 'shell',
          text: `curl -s -X POST ${url} -H 'content-type: application/json' -d '{\n  "routing_key": "${key}", "event_action": "trigger", "dedup_key": "web-1/disk",\n  "payload": { "summary": "Disk 95% on web-1", "source": "web-1", "severity": "critical" } }'\n`,
        },
        heartbeat,
      ];
    case 'opsgenie':
      return [
        {
          id: 'alertmanagerOpsgenie',
          lang: 'yaml',
          text: `receivers:\n  - name: hikeshi\n    opsgenie_configs:\n      - api_key: ${key}\n        api_url: ${origin}/\n`,
        },
        {
          id: 'opsgenieCurl',
          lang: 'shell',
          text: `curl -s -X POST ${url} -H 'content-type: application/json' -H 'authorization: GenieKey ${key}' \\\n  -d '{"message":"Disk 95% on web-1","alias":"web-1/disk","priority":"P2"}'\n`,
        },
        heartbeat,
      ];
    case 'generic':
      return [
        {
          id: 'genericCurl',
          lang: 'shell',
          text: `curl -s -X POST ${url} -H 'content-type: application/json' \\\n  -d '{"summary":"Nightly batch failed","severity":"error","dedupKey":"batch/nightly"}'\n`,
        },
        heartbeat,
      ];
    case 'email':
      return [{ id: 'email', lang: 'text', text: `${url}\n` }, heartbeat];
  }
}
