import { canManageRole, type Role, type Scope } from '../../domain/access/permissions.js';
import { forbidden } from '../../domain/errors.js';
import type { Actor } from '../context.js';
import { authorize } from '../shared/authorize.js';

/** Whether the actor is the person `userId` (a user session or one of their tokens). */
export function isSelf(actor: Actor, userId: string): boolean {
  return (actor.type === 'user' || actor.type === 'token') && actor.userId === userId;
}

/**
 * People manage their own profile, tokens and contact methods; anyone else needs user.manage.
 * A token acting for its own user still needs `scope` (a read-only token cannot change anything).
 * Returns whether the actor acts on themselves (and so needed no user.manage).
 */
export function authorizeSelfOrManage(actor: Actor, userId: string, scope: Scope, selfAllowed = true): boolean {
  if (selfAllowed && isSelf(actor, userId)) {
    if (actor.scopes && !actor.scopes.includes(scope)) {
      throw forbidden(`this API token lacks the "${scope}" scope needed to change your own account`);
    }
    return true;
  }
  authorize(actor, 'user.manage');
  return false;
}

/** Only an owner may act on an owner's account or hand out the owner role (canManageRole). */
export function requireCanManage(actor: Actor, targetRole: Role, what = 'manage'): void {
  if (actor.type === 'system') return;
  if (!canManageRole(actor.role, targetRole)) {
    throw forbidden(`only an owner may ${what} an account with the ${targetRole} role`);
  }
}
