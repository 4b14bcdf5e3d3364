import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { StakeholderUpdate } from '../../contracts/stakeholder.js';
import type { StakeholderUpdateTable } from '../../store/schema-status.js';
import type { Executor } from '../context.js';

export type StakeholderUpdateView = z.infer<typeof StakeholderUpdate>;
export type Delivery = StakeholderUpdateView['delivery'];

export const emptyDelivery = (): Delivery => ({ delivered: 0, pending: 0, failed: 0, cancelled: 0 });

export function viewUpdate(
  r: Selectable<StakeholderUpdateTable>,
  extra: { sequence: number; audienceNames: Map<string, string>; delivery: Delivery },
): StakeholderUpdateView {
  return {
    id: r.id,
    incidentId: r.incidentId,
    sequence: extra.sequence,
    format: r.format === 'executive' ? 'executive' : 'standard',
    language: r.language === 'ja' ? 'ja' : 'en',
    audiences: (JSON.parse(r.audienceIds) as string[]).map((id) => ({ id, name: extra.audienceNames.get(id) ?? null })),
    subject: r.subject,
    body: r.body,
    impact: r.impact,
    status: r.currentStatus,
    nextUpdateAt: r.nextUpdateAt,
    recipientCount: r.recipientCount,
    createdById: r.createdById,
    createdAt: r.createdAt,
    delivery: extra.delivery,
  };
}

/** Delivery counts of the updates' e-mails (outbound_message rows whose source is the update), by status. */
export async function deliveryCounts(ex: Executor, updateIds: string[]): Promise<Map<string, Delivery>> {
  const out = new Map<string, Delivery>(updateIds.map((id) => [id, emptyDelivery()]));
  for (let i = 0; i < updateIds.length; i += 500) {
    const rows = await ex
      .selectFrom('outboundMessage')
      .select(['sourceId', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('purpose', '=', 'stakeholder_update')
      .where('sourceId', 'in', updateIds.slice(i, i + 500))
      .groupBy(['sourceId', 'status'])
      .execute();
    for (const r of rows) {
      const d = out.get(r.sourceId ?? '');
      if (d && (r.status === 'delivered' || r.status === 'pending' || r.status === 'failed' || r.status === 'cancelled')) d[r.status] += Number(r.n);
    }
  }
  return out;
}
