import { newId } from '../../platform/ids.js';
import type { TxContext } from '../context.js';

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
  await t.tx
    .insertInto('timelineEntry')
    .values({
      id,
      incidentId,
      at: t.now,
      action,
      actorType: t.actor.type,
      actorId: t.actor.id,
      actorName: t.actor.name,
      data: JSON.stringify(data),
      pinned: 0,
    })
    .execute();
  return id;
}
