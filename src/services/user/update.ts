import { UpdateUserBody } from '../../contracts/user.js';
import type { Role } from '../../domain/access/permissions.js';
import { conflict, forbidden, validation } from '../../domain/errors.js';
import { hashPassword, verifyPassword } from '../../platform/password.js';
import { inTransaction, type ServiceContext, type TxContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { parseInput } from '../shared/parse.js';
import { authorizeSelfOrManage, requireCanManage } from './access.js';
import { loadUser } from './get.js';
import { type UserView, viewUser } from './view.js';

const SELF_FIELDS = new Set(['name', 'timeZone', 'locale', 'password', 'currentPassword', 'quietHours']);
const onlySelfFields = (input: unknown) =>
  typeof input === 'object' && input !== null && Object.keys(input).every((k) => SELF_FIELDS.has(k));

/** An instance must keep one enabled owner: nobody else can grant the role back. */
async function requireAnotherOwner(t: TxContext, id: string): Promise<void> {
  const other = await t.tx
    .selectFrom('appUser')
    .select('id')
    .where('role', '=', 'owner')
    .where('disabledAt', 'is', null)
    .where('id', '!=', id)
    .executeTakeFirst();
  if (!other) throw conflict('this is the last enabled owner; make someone else an owner first', { field: 'role' });
}

/**
 * Change a person. Everyone may change their own name, time zone, locale, quiet hours and password; role and
 * disabling need user.manage, and only an owner may touch an owner (canManageRole). Disabling ends
 * the person's sessions; their tokens stop working because authentication checks disabledAt.
 */
export async function updateUser(ctx: ServiceContext, id: string, input: unknown): Promise<UserView> {
  const self = authorizeSelfOrManage(ctx.actor, id, 'write', onlySelfFields(input));
  const body = parseInput(UpdateUserBody, input);
  const current = await loadUser(ctx.store.db, id);
  if (!self) {
    requireCanManage(ctx.actor, current.role as Role);
    if (body.role) requireCanManage(ctx.actor, body.role, 'grant');
  }
  if (body.currentPassword !== undefined && body.password === undefined) throw validation('currentPassword', 'only needed together with password');
  if (body.password !== undefined && self && ctx.actor.type === 'user' && current.passwordHash) {
    // A stolen session must not be enough to take the account over (ASVS 6.2.3).
    if (!body.currentPassword || !(await verifyPassword(body.currentPassword, current.passwordHash))) {
      throw validation('currentPassword', 'give your current password to set a new one');
    }
  }
  const passwordHash = body.password !== undefined ? await hashPassword(body.password) : undefined;
  return inTransaction(ctx, async (t) => {
    const before = await loadUser(t.tx, id);
    const demoted = before.role === 'owner' && body.role !== undefined && body.role !== 'owner';
    const disabling = body.disabled === true && before.disabledAt === null;
    if (disabling && ctx.actor.userId === id) throw forbidden('you cannot disable your own account; ask another administrator');
    if (before.role === 'owner' && before.disabledAt === null && (demoted || disabling)) await requireAnotherOwner(t, id);
    const set = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.role !== undefined ? { role: body.role } : {}),
      ...(body.timeZone !== undefined ? { timeZone: body.timeZone } : {}),
      ...(body.locale !== undefined ? { locale: body.locale } : {}),
      ...(body.quietHours !== undefined ? { quietHours: body.quietHours === null ? null : JSON.stringify({ start: body.quietHours.start, end: body.quietHours.end }) } : {}),
      ...(passwordHash !== undefined ? { passwordHash } : {}),
      ...(body.disabled !== undefined ? { disabledAt: body.disabled ? (before.disabledAt ?? t.now) : null } : {}),
      updatedAt: t.now,
    };
    await t.tx.updateTable('appUser').set(set).where('id', '=', id).execute();
    // Disabled people and reset passwords end every session (someone else may hold one).
    if (disabling || (passwordHash !== undefined && !self)) await t.tx.deleteFrom('session').where('userId', '=', id).execute();
    const after = await loadUser(t.tx, id);
    await recordAudit(t, {
      action: disabling ? 'user.disabled' : 'user.updated',
      targetType: 'user',
      targetId: id,
      before: viewUser(before),
      after: { ...viewUser(after), ...(passwordHash !== undefined ? { passwordChanged: true } : {}) },
    });
    return viewUser(after);
  });
}
