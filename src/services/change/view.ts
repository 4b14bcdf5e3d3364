import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Change } from '../../contracts/change.js';
import type { ChangeEventTable } from '../../store/schema.js';

export type ChangeView = z.infer<typeof Change>;

export function viewChange(r: Selectable<ChangeEventTable>): ChangeView {
  return {
    id: r.id,
    serviceId: r.serviceId,
    integrationId: r.integrationId,
    summary: r.summary,
    source: r.source,
    details: JSON.parse(r.details),
    links: JSON.parse(r.links),
    occurredAt: r.occurredAt,
    receivedAt: r.receivedAt,
  };
}
