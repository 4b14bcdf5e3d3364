import { UpdateStatusComponentBody } from '../../contracts/status-page.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { requireServices } from '../shared/exists.js';
import { parseInput } from '../shared/parse.js';
import { dropEmptyGroups, groupNamed, groupNames } from './groups.js';
import { loadPageState } from './page-state.js';
import { loadComponentRow, loadPageRow, type StatusComponentView, viewComponent } from './view.js';

/** Rename, regroup, relink or reorder a component, or set its status by hand (null: automatic again). */
export async function updateStatusComponent(ctx: ServiceContext, pageId: string, id: string, input: unknown): Promise<StatusComponentView> {
  authorize(ctx.actor, 'status_page.manage');
  const body = parseInput(UpdateStatusComponentBody, input);
  return inTransaction(ctx, async (t) => {
    const page = await loadPageRow(t.tx, pageId);
    const before = await loadComponentRow(t.tx, pageId, id);
    if (body.serviceId) await requireServices(t.tx, 'serviceId', [body.serviceId]);
    const groupId = body.group === undefined ? before.groupId : body.group === null ? null : await groupNamed(t.tx, pageId, body.group, t.now);
    const changes = {
      name: body.name ?? before.name,
      description: body.description ?? before.description,
      groupId,
      serviceId: body.serviceId !== undefined ? body.serviceId : before.serviceId,
      position: body.position ?? before.position,
      manualStatus: body.manualStatus !== undefined ? body.manualStatus : before.manualStatus,
      updatedAt: t.now,
    };
    await t.tx.updateTable('statusComponent').set(changes).where('id', '=', id).execute();
    await dropEmptyGroups(t.tx, pageId);
    await t.tx.updateTable('statusPage').set({ updatedAt: t.now }).where('id', '=', pageId).execute();
    const names = await groupNames(t.tx, pageId);
    const state = await loadPageState(t.tx, page, t.now);
    const beforeNames = before.groupId ? (names.get(before.groupId) ?? null) : null;
    const view = viewComponent({ ...before, ...changes }, groupId ? (names.get(groupId) ?? null) : null, state.statusOf(id));
    await recordAudit(t, {
      action: body.manualStatus !== undefined ? 'status_component.status_set' : 'status_component.updated',
      targetType: 'status_component',
      targetId: id,
      before: viewComponent(before, beforeNames, view.status),
      after: view,
    });
    return view;
  });
}
