import { notFound } from '../../domain/errors.js';
import type { Executor, ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { type ServiceView, viewService } from './view.js';

export async function loadService(ex: Executor, id: string) {
  const row = await ex.selectFrom('service').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('service', id);
  return row;
}

export async function getService(ctx: ServiceContext, id: string): Promise<ServiceView> {
  authorize(ctx.actor, 'service.read');
  return viewService(await loadService(ctx.store.db, id));
}
