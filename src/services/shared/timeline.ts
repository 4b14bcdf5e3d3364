import { newId } from '../../platform/ids.js';
import type { Insertable } from 'kysely';
import { prepared } from '../../store/prepared.js';
import type { TimelineEntryTable } from '../../store/schema.js';
import type { TxContext } from '../context.js';

const insertEntry = prepared((ex, row: Insertable<TimelineEntryTable>) => ex.insertInto('timelineEntry').values(row));

/**
 * Append a timeline entry (SPEC §3: id, at, action, actor, data) in the caller's transaction and
 * record the same fact in the outbox, so the live stream and jobs see it.
 */
export async function appendTimeline(
  t: TxContext,
  incidentId: string,
  action: string,
  data: Record<string, unknown> = {},
): Promise<string> {
  const id = newId();
  await insertEntry(t.tx, {
      id,
      incidentId,
      at: t.now,
      action,
      actorType: t.actor.type,
      actorId: t.actor.id,
      actorName: t.actor.name,
      data: JSON.stringify(data),
    pinned: 0,
  });
  return id;
}
