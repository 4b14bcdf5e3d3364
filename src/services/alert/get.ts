import { DomainError, notFound } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { readVisibleIncident } from '../incident/access.js';
import { authorize } from '../shared/authorize.js';
import { type AlertView, viewAlert } from './view.js';

/**
 * One alert. An alert of a restricted incident the actor may not see does not exist for them (404),
 * and an owner-only read of one is audited like a read of the incident itself.
 */
export async function getAlert(ctx: ServiceContext, id: string): Promise<AlertView> {
  authorize(ctx.actor, 'incident.read');
  const row = await ctx.store.db.selectFrom('alert').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('alert', id);
  if (row.incidentId) {
    await readVisibleIncident(ctx, row.incidentId, 'alert').catch((err: unknown) => {
      throw err instanceof DomainError && err.code === 'NOT_FOUND' ? notFound('alert', id) : err;
    });
  }
  return viewAlert(row);
}
