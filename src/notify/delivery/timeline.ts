import type { Kysely, Transaction } from 'kysely';
import { newId } from '../../platform/ids.js';
import type { Database } from '../../store/schema.js';

/**
 * A timeline entry by the system actor (Hikeshi), in the delivery's own transaction: what happened to
 * a notification (sent, failed for good, throttled) is part of the incident's story.
 */
export async function appendSystemEntry(
  ex: Kysely<Database> | Transaction<Database>,
  incidentId: string,
  at: string,
  action: string,
  data: Record<string, unknown>,
): Promise<void> {
  await ex
    .insertInto('timelineEntry')
    .values({ id: newId(), incidentId, at, action, actorType: 'system', actorId: null, actorName: 'Hikeshi', data: JSON.stringify(data), pinned: 0 })
    .execute();
}
