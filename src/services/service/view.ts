import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Integration, Service } from '../../contracts/service.js';
import type { HeartbeatTable, IntegrationTable, ServiceTable } from '../../store/schema.js';
import { DEFAULT_INTEGRATION_RATE } from '../../domain/ingest/config.js';

export type ServiceView = z.infer<typeof Service>;
export type IntegrationView = z.infer<typeof Integration>;

export function viewService(r: Selectable<ServiceTable>): ServiceView {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    teamId: r.teamId,
    tier: r.tier,
    escalationPolicyId: r.escalationPolicyId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Where each integration type's sender posts (SPEC §3). */
export function integrationUrl(publicUrl: string, type: IntegrationView['type'], key: string): string {
  switch (type) {
    case 'pagerduty':
      return `${publicUrl}/v2/enqueue`;
    case 'opsgenie':
      return `${publicUrl}/v2/alerts`;
    case 'alertmanager':
      return `${publicUrl}/api/v1/integrations/${key}/alertmanager`;
    case 'grafana':
      return `${publicUrl}/api/v1/integrations/${key}/grafana`;
    case 'generic':
      return `${publicUrl}/api/v1/integrations/${key}/events`;
    case 'email':
      return `mailto:${key}@${new URL(publicUrl).hostname}`;
  }
}

/** The integration's own settings (JSON column `config`). */
export function integrationSettings(config: string): { rateLimitPerSecond: number } {
  let v: unknown;
  try {
    v = (JSON.parse(config) as { rateLimitPerSecond?: unknown }).rateLimitPerSecond;
  } catch {
    v = undefined;
  }
  return { rateLimitPerSecond: typeof v === 'number' && v > 0 ? v : DEFAULT_INTEGRATION_RATE };
}

export function viewIntegration(r: Selectable<IntegrationTable>, publicUrl: string, heartbeat: Selectable<HeartbeatTable> | null = null): IntegrationView {
  const type = r.type as IntegrationView['type'];
  return {
    id: r.id,
    serviceId: r.serviceId,
    type,
    name: r.name,
    key: r.key,
    url: integrationUrl(publicUrl, type, r.key),
    heartbeatUrl: `${publicUrl}/api/v1/integrations/${r.key}/heartbeat`,
    rateLimitPerSecond: integrationSettings(r.config).rateLimitPerSecond,
    heartbeat: heartbeat
      ? {
          enabled: heartbeat.enabled === 1,
          intervalMinutes: Number(heartbeat.intervalMinutes),
          state: heartbeat.state as 'off' | 'waiting' | 'up' | 'down',
          lastPingAt: heartbeat.lastPingAt,
          dueAt: heartbeat.dueAt,
        }
      : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
