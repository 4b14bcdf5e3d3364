import { roleAllows, scopeFor, type Permission } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../context.js';

/** Throw FORBIDDEN unless the actor's role (and, for a token, its scopes) grant `permission`. */
export function authorize(actor: Actor, permission: Permission): void {
  if (actor.type === 'system') return;
  if (!roleAllows(actor.role, permission)) {
    throw new DomainError('FORBIDDEN', `your role (${actor.role}) does not allow ${permission}`);
  }
  if (actor.scopes && !actor.scopes.includes(scopeFor(permission))) {
    throw new DomainError('FORBIDDEN', `this API token lacks the "${scopeFor(permission)}" scope needed for ${permission}`);
  }
}
