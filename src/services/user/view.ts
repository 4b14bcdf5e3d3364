import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { ApiToken, ContactMethod, User } from '../../contracts/user.js';
import { parseQuietHours } from '../../domain/escalation/quiet-hours.js';
import type { ApiTokenTable, ContactMethodTable, UserTable } from '../../store/schema.js';

export type UserView = z.infer<typeof User>;
export type ApiTokenView = z.infer<typeof ApiToken>;
export type ContactMethodView = z.infer<typeof ContactMethod>;

/** What the API shows of a person: never the password hash. */
export function viewUser(r: Selectable<UserTable>): UserView {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as UserView['role'],
    timeZone: r.timeZone,
    locale: r.locale as UserView['locale'],
    disabled: r.disabledAt !== null,
    disabledAt: r.disabledAt,
    hasPassword: r.passwordHash !== null,
    quietHours: parseQuietHours(r.quietHours ?? null),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** A token as listed later: its prefix, never its value or hash. */
export function viewToken(r: Selectable<ApiTokenTable>): ApiTokenView {
  return {
    id: r.id,
    userId: r.userId,
    name: r.name,
    prefix: r.prefix,
    scopes: JSON.parse(r.scopes) as ApiTokenView['scopes'],
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
  };
}

export function viewContactMethod(r: Selectable<ContactMethodTable>): ContactMethodView {
  return {
    id: r.id,
    userId: r.userId,
    type: r.type as ContactMethodView['type'],
    address: r.address,
    label: r.label,
    createdAt: r.createdAt,
  };
}
