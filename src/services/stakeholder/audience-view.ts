import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { AUDIENCE_KINDS, StakeholderAudience } from '../../contracts/stakeholder.js';
import { DomainError, notFound, validation } from '../../domain/errors.js';
import type { StakeholderAudienceTable } from '../../store/schema-status.js';
import type { Executor } from '../context.js';

export type StakeholderAudienceView = z.infer<typeof StakeholderAudience>;
export type AudienceRow = Selectable<StakeholderAudienceTable>;

export function viewAudience(r: AudienceRow): StakeholderAudienceView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as (typeof AUDIENCE_KINDS)[number],
    language: r.language === 'ja' ? 'ja' : 'en',
    allUsers: r.allUsers === 1,
    userIds: JSON.parse(r.userIds) as string[],
    emails: JSON.parse(r.emails) as string[],
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function loadAudience(ex: Executor, id: string): Promise<AudienceRow> {
  const row = await ex.selectFrom('stakeholderAudience').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('stakeholder audience', id);
  return row;
}

/** Addresses once each, compared case-insensitively, in the order given. */
export function uniqueEmails(emails: readonly string[]): string[] {
  const seen = new Set<string>();
  return emails.filter((e) => {
    const k = e.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * What an audience must be, whatever the request: someone to write to, and users that exist (a
 * foreign-key-free JSON list, so checked here; a user disabled later is skipped when sending).
 */
export async function checkAudience(ex: Executor, a: { allUsers: boolean; userIds: string[]; emails: string[] }): Promise<void> {
  if (!a.allUsers && a.userIds.length === 0 && a.emails.length === 0) {
    throw validation('userIds', 'an audience needs someone to write to: set allUsers, or list userIds or emails');
  }
  const ids = [...new Set(a.userIds)];
  if (ids.length === 0) return;
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ex.selectFrom('appUser').select('id').where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) found.add(r.id);
  }
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw validation('userIds', `no user with id ${missing.join(', ')}`);
}

/** A name is taken by another audience: 409 naming the field. */
export async function requireFreeName(ex: Executor, name: string, exceptId: string | null): Promise<void> {
  let q = ex.selectFrom('stakeholderAudience').select('id').where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const taken = await q.executeTakeFirst();
  if (taken) {
    throw new DomainError('CONFLICT', `name: an audience named "${name}" already exists (${taken.id}); choose another name`, {
      fields: [{ field: 'name', message: `an audience named "${name}" already exists` }],
    });
  }
}
