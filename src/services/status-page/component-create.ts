import { CreateStatusComponentBody } from '../../contracts/status-page.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { requireServices } from '../shared/exists.js';
import { parseInput } from '../shared/parse.js';
import { groupNamed, nextPosition } from './groups.js';
import { loadPageState } from './page-state.js';
import { loadPageRow, type StatusComponentView, viewComponent } from './view.js';

/** Add a component, in a group when `group` names one (the group is created on first use). */
export async function createStatusComponent(ctx: ServiceContext, pageId: string, input: unknown): Promise<StatusComponentView> {
  authorize(ctx.actor, 'status_page.manage');
  const body = parseInput(CreateStatusComponentBody, input);
  return inTransaction(ctx, async (t) => {
    const page = await loadPageRow(t.tx, pageId);
    if (body.serviceId) await requireServices(t.tx, 'serviceId', [body.serviceId]);
    const groupId = body.group ? await groupNamed(t.tx, pageId, body.group, t.now) : null;
    const row = {
      id: newId(),
      pageId,
      name: body.name,
      description: body.description ?? '',
      isGroup: 0,
      groupId,
      serviceId: body.serviceId ?? null,
      position: body.position ?? (await nextPosition(t.tx, pageId)),
      manualStatus: null,
      createdAt: t.now,
      updatedAt: t.now,
    };
    await t.tx.insertInto('statusComponent').values(row).execute();
    await t.tx.updateTable('statusPage').set({ updatedAt: t.now }).where('id', '=', pageId).execute();
    const state = await loadPageState(t.tx, page, t.now);
    const view = viewComponent(row, body.group ?? null, state.statusOf(row.id));
    await recordAudit(t, { action: 'status_component.created', targetType: 'status_component', targetId: row.id, after: view });
    return view;
  });
}
