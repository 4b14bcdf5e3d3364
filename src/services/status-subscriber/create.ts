import { CreateStatusSubscriberBody } from '../../contracts/status-subscriber.js';
import { conflict } from '../../domain/errors.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { checkComponents, pageById } from './load.js';
import { sendConfirmation } from './send-confirmation.js';
import { auditRecord, type StatusSubscriberView, viewSubscriber } from './view.js';

/**
 * An administrator adds a subscriber. A webhook is active at once; an e-mail address still gets the
 * double opt-in (a person confirms their own inbox). An address that unsubscribed may be added again
 * (e-mail: it must confirm again); one that is subscribed is a 409 naming it.
 */
export async function createStatusSubscriber(ctx: ServiceContext, pageId: string, input: unknown): Promise<StatusSubscriberView> {
  authorize(ctx.actor, 'status_page.manage');
  const body = parseInput(CreateStatusSubscriberBody, input);
  return inTransaction(ctx, async (t) => {
    const page = await pageById(t.tx, pageId);
    const componentIds = await checkComponents(t.tx, page.id, 'componentIds', body.componentIds);
    const fields = {
      componentIds: componentIds && JSON.stringify(componentIds),
      language: body.language ?? (page.language === 'ja' ? 'ja' : 'en'),
      confirmedAt: body.channel === 'webhook' ? t.now : null,
      unsubscribedAt: null,
      updatedAt: t.now,
    };
    const existing = await t.tx
      .selectFrom('statusSubscriber')
      .selectAll()
      .where('pageId', '=', page.id)
      .where('channel', '=', body.channel)
      .where('address', '=', body.address)
      .executeTakeFirst();
    if (existing && !existing.unsubscribedAt) {
      throw conflict(`address: ${body.address} is already a subscriber of this page (${existing.id})`, { subscriberId: existing.id });
    }
    const row = existing ? { ...existing, ...fields } : { id: newId(), pageId: page.id, channel: body.channel, address: body.address, createdAt: t.now, ...fields };
    if (existing) await t.tx.updateTable('statusSubscriber').set(fields).where('id', '=', existing.id).execute();
    else await t.tx.insertInto('statusSubscriber').values(row).execute();
    await sendConfirmation(t, page, row);
    const view = viewSubscriber(row, t.secret);
    await recordAudit(t, { action: 'status_subscriber.created', targetType: 'status_subscriber', targetId: row.id, after: auditRecord(view) });
    return view;
  });
}
