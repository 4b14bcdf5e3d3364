import { validation } from '../../domain/errors.js';
import { enqueueOutbound, outboundKey } from '../../notify/outbound/enqueue.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incident/access.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { recordOutbox } from '../shared/outbox.js';
import { appendTimeline } from '../shared/timeline.js';
import { composeUpdate, parseSendBody } from './compose.js';
import { type StakeholderUpdateView, viewUpdate } from './update-view.js';

/**
 * Send a stakeholder update about an incident: one e-mail per distinct address of the chosen
 * audiences, each in its audience's language (or the one requested). The update, its timeline entry
 * (`stakeholder_update.sent`), its audit row, its outbox row and the outbound messages commit
 * together; the job runner delivers the messages, each at most once (idempotency key per address).
 */
export async function sendStakeholderUpdate(ctx: ServiceContext, incidentId: string, input: unknown): Promise<StakeholderUpdateView> {
  authorize(ctx.actor, 'incident.update');
  const body = parseSendBody(input, ctx.clock.now().toISOString());
  return inTransaction(ctx, async (t) => {
    const { row: incident } = await loadVisibleIncident(t.tx, t.actor, incidentId);
    // PostgreSQL: one sender at a time per incident, so two updates never get the same 第n報.
    // (SQLite transactions are already serialised by BEGIN IMMEDIATE.)
    if (t.store.dialect === 'postgres') await t.tx.selectFrom('incident').select('id').where('id', '=', incidentId).forUpdate().execute();
    const c = await composeUpdate(t.tx, { actor: t.actor, publicUrl: t.publicUrl, incident, body });
    if (c.recipients.length === 0) {
      throw validation('audienceIds', 'nobody to write to: these audiences list no active user and no address; add people to them first');
    }
    const id = newId();
    const copy = c.renderings.get(c.primary)!;
    const row = {
      id,
      incidentId,
      format: body.format,
      language: c.primary,
      audienceIds: JSON.stringify(c.audiences.map((a) => a.id)),
      subject: copy.subject,
      body: copy.text,
      impact: copy.impact,
      currentStatus: copy.status,
      nextUpdateAt: body.nextUpdateAt ? new Date(body.nextUpdateAt).toISOString() : null,
      recipientCount: c.recipients.length,
      createdById: t.actor.userId,
      createdAt: t.now,
    };
    await t.tx.insertInto('stakeholderUpdate').values(row).execute();
    const created = await enqueueOutbound(
      t.tx,
      c.recipients.map((r) => {
        const m = c.renderings.get(r.language)!;
        return {
          idempotencyKey: outboundKey('stakeholder_update', id, r.address.toLowerCase()),
          purpose: 'stakeholder_update' as const,
          channel: 'email' as const,
          address: r.address,
          email: { subject: m.subject, text: m.text, html: m.html },
          incidentId,
          sourceId: id,
        };
      }),
      t.now,
    );
    const audiences = c.audiences.map((a) => ({ id: a.id, name: a.name }));
    const facts = {
      updateId: id,
      sequence: c.sequence,
      format: body.format,
      language: c.primary,
      audiences: audiences.map((a) => a.name),
      audienceIds: audiences.map((a) => a.id),
      recipientCount: c.recipients.length,
      subject: copy.subject,
      nextUpdateAt: row.nextUpdateAt,
    };
    const entryId = await appendTimeline(t, incidentId, 'stakeholder_update.sent', facts);
    await t.tx.updateTable('incident').set({ updatedAt: t.now }).where('id', '=', incidentId).execute();
    await recordAudit(t, { action: 'stakeholder_update.sent', targetType: 'incident', targetId: incidentId, after: { ...facts, impact: copy.impact, status: copy.status } });
    await recordOutbox(t, 'stakeholder_update.sent', incidentId, { incidentId, updateId: id, entryId });
    return viewUpdate(row, {
      sequence: c.sequence,
      audienceNames: new Map(audiences.map((a) => [a.id, a.name])),
      delivery: { delivered: 0, pending: created, failed: 0, cancelled: 0 },
    });
  });
}
