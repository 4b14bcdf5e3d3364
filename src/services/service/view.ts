import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Integration, Service } from '../../contracts/service.js';
import type { IntegrationTable, ServiceTable } from '../../store/schema.js';

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

export function viewIntegration(r: Selectable<IntegrationTable>, publicUrl: string): IntegrationView {
  const type = r.type as IntegrationView['type'];
  return {
    id: r.id,
    serviceId: r.serviceId,
    type,
    name: r.name,
    key: r.key,
    url: integrationUrl(publicUrl, type, r.key),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
