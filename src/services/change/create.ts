import { CreateChangeBody } from '../../contracts/change.js';
import { validation } from '../../domain/errors.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { requireServices } from '../shared/exists.js';
import { recordOutbox } from '../shared/outbox.js';
import { parseInput } from '../shared/parse.js';
import { type ChangeView, viewChange } from './view.js';

/** Record a change through the API (a person or a CI job with a token); audited like any change by a person. */
export async function createChange(ctx: ServiceContext, input: unknown): Promise<ChangeView> {
  authorize(ctx.actor, 'incident.declare');
  const body = parseInput(CreateChangeBody, input);
  return inTransaction(ctx, async (t) => {
    await requireServices(t.tx, 'serviceId', [body.serviceId]);
    const occurredAt = body.occurredAt ? new Date(body.occurredAt).toISOString() : t.now;
    if (occurredAt > t.now) throw validation('occurredAt', 'a change cannot happen in the future; record it when it is made');
    const row = {
      id: newId(),
      serviceId: body.serviceId,
      integrationId: null,
      summary: body.summary,
      source: body.source ?? null,
      details: JSON.stringify(body.details ?? {}),
      links: JSON.stringify(body.links ?? []),
      occurredAt,
      receivedAt: t.now,
    };
    await t.tx.insertInto('changeEvent').values(row).execute();
    const view = viewChange(row);
    await recordAudit(t, { action: 'change.recorded', targetType: 'change', targetId: row.id, after: view });
    await recordOutbox(t, 'change.recorded', null, { changeId: row.id, serviceId: row.serviceId });
    return view;
  });
}
