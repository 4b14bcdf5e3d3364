import type { ChangeEvent } from '../../ingest/event.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordOutbox } from '../shared/outbox.js';
import type { KeyedIntegration } from './integration-actor.js';

/**
 * Store one change event for the integration's service. It is committed (fsync'd on SQLite) before
 * the caller answers 202. Ingested events are not in the audit chain (SPEC §4.7): this table is
 * their log.
 */
export async function recordChange(ctx: ServiceContext, integration: KeyedIntegration, event: ChangeEvent): Promise<{ id: string }> {
  return inTransaction(ctx, async (t) => {
    const id = newId();
    await t.tx
      .insertInto('changeEvent')
      .values({
        id,
        serviceId: integration.serviceId,
        integrationId: integration.id,
        summary: event.summary,
        source: event.source,
        details: JSON.stringify(event.details),
        links: JSON.stringify(event.links),
        occurredAt: event.occurredAt,
        receivedAt: t.now,
      })
      .execute();
    await recordOutbox(t, 'change.recorded', null, { changeId: id, serviceId: integration.serviceId });
    return { id };
  });
}
