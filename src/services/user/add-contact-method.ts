import { CreateContactMethodBody } from '../../contracts/user.js';
import type { Role } from '../../domain/access/permissions.js';
import { conflict } from '../../domain/errors.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { parseInput } from '../shared/parse.js';
import { authorizeSelfOrManage, requireCanManage } from './access.js';
import { loadUser } from './get.js';
import { type ContactMethodView, viewContactMethod } from './view.js';

/** Add an address where the person can be reached (validated for its channel by the contract). */
export async function addContactMethod(ctx: ServiceContext, userId: string, input: unknown): Promise<ContactMethodView> {
  const self = authorizeSelfOrManage(ctx.actor, userId, 'write');
  const body = parseInput(CreateContactMethodBody, input);
  return inTransaction(ctx, async (t) => {
    const user = await loadUser(t.tx, userId);
    if (!self) requireCanManage(ctx.actor, user.role as Role, 'change contact methods of');
    const same = await t.tx
      .selectFrom('contactMethod')
      .select('id')
      .where('userId', '=', userId)
      .where('type', '=', body.type)
      .where('address', '=', body.address)
      .executeTakeFirst();
    if (same) throw conflict(`address: this ${body.type} address is already a contact method (${same.id})`, { field: 'address' });
    const row = { id: newId(), userId, type: body.type, address: body.address, label: body.label ?? '', createdAt: t.now };
    await t.tx.insertInto('contactMethod').values(row).execute();
    const view = viewContactMethod(row);
    await recordAudit(t, { action: 'contact_method.created', targetType: 'contact_method', targetId: row.id, after: view });
    return view;
  });
}
