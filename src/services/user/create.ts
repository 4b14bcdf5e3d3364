import { CreateUserBody } from '../../contracts/user.js';
import { conflict } from '../../domain/errors.js';
import { newId } from '../../platform/ids.js';
import { hashPassword } from '../../platform/password.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { requireCanManage } from './access.js';
import { type UserView, viewUser } from './view.js';

export async function createUser(ctx: ServiceContext, input: unknown): Promise<UserView> {
  authorize(ctx.actor, 'user.manage');
  const body = parseInput(CreateUserBody, input);
  requireCanManage(ctx.actor, body.role, 'create');
  // Hash before the transaction: scrypt is slow on purpose and must not hold the write lock.
  const passwordHash = body.password ? await hashPassword(body.password) : null;
  return inTransaction(ctx, async (t) => {
    const taken = await t.tx.selectFrom('appUser').select('id').where('email', '=', body.email).executeTakeFirst();
    if (taken) throw conflict(`email: a user with the e-mail address ${body.email} already exists (${taken.id})`, { field: 'email' });
    const row = {
      id: newId(),
      email: body.email,
      name: body.name,
      role: body.role,
      passwordHash,
      timeZone: body.timeZone ?? 'UTC',
      locale: body.locale ?? 'en',
      disabledAt: null,
      quietHours: null,
      createdAt: t.now,
      updatedAt: t.now,
    };
    await t.tx.insertInto('appUser').values(row).execute();
    const view = viewUser(row);
    await recordAudit(t, { action: 'user.created', targetType: 'user', targetId: row.id, after: view });
    return view;
  });
}
