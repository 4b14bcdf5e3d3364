import type { z } from 'zod';
import { type AlertEvent as AlertEventView, AlertEventsQuery } from '../../contracts/alert.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../shared/parse.js';
import { getAlert } from './get.js';

type View = z.infer<typeof AlertEventView>;

function json(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The events of one alert as received (normalised), oldest first, each with what it did and why.
 * Visibility is the alert's (getAlert: 404 for an alert of a restricted incident one may not see).
 */
export async function listAlertEvents(ctx: ServiceContext, alertId: string, input: unknown): Promise<{ items: View[]; nextCursor: string | null }> {
  const q = parseInput(AlertEventsQuery, input);
  await getAlert(ctx, alertId);
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  let query = ctx.store.db.selectFrom('event').selectAll().where('alertId', '=', alertId);
  if (after) query = query.where((eb) => eb.or([eb('receivedAt', '>', after.createdAt), eb.and([eb('receivedAt', '=', after.createdAt), eb('id', '>', after.id)])]));
  const rows = await query.orderBy('receivedAt').orderBy('id').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      alertId: r.alertId,
      action: r.action as View['action'],
      outcome: r.outcome,
      reason: json(r.reason),
      event: json(r.data),
      occurredAt: r.occurredAt,
      receivedAt: r.receivedAt,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ createdAt: last.receivedAt, id: last.id }) : null,
  };
}
