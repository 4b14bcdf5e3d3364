import { validation } from '../../domain/errors.js';
import type { Locale } from '../../notify/render/i18n.js';
import type { Executor } from '../context.js';
import type { AudienceRow } from './audience-view.js';

export interface StakeholderRecipient {
  address: string;
  language: Locale;
  audienceId: string;
}

/** The audiences asked for, in the order asked (each once); an unknown id is a 400 naming `audienceIds`. */
export async function loadAudiences(ex: Executor, ids: readonly string[]): Promise<AudienceRow[]> {
  const unique = [...new Set(ids)];
  const rows = await ex.selectFrom('stakeholderAudience').selectAll().where('id', 'in', unique).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = unique.filter((id) => !byId.has(id));
  if (missing.length) throw validation('audienceIds', `no stakeholder audience with id ${missing.join(', ')}; list them with GET /api/v1/stakeholder-audiences`);
  return unique.map((id) => byId.get(id)!);
}

/**
 * Who receives the update: the e-mail of every active (not disabled) user an audience lists, or of
 * every active user when it is for everyone, then its extra addresses. One message per address,
 * compared case-insensitively across all the audiences; the first audience that names an address
 * decides its language (unless the sender chose one for all).
 */
export async function resolveRecipients(ex: Executor, audiences: readonly AudienceRow[], language?: Locale): Promise<StakeholderRecipient[]> {
  const everyone = audiences.some((a) => a.allUsers === 1);
  const listed = [...new Set(audiences.flatMap((a) => (a.allUsers === 1 ? [] : (JSON.parse(a.userIds) as string[]))))];
  const emailOf = new Map<string, string>();
  if (everyone) {
    const rows = await ex.selectFrom('appUser').select(['id', 'email']).where('disabledAt', 'is', null).orderBy('name').orderBy('id').execute();
    for (const r of rows) emailOf.set(r.id, r.email);
  } else {
    for (let i = 0; i < listed.length; i += 500) {
      const rows = await ex.selectFrom('appUser').select(['id', 'email']).where('id', 'in', listed.slice(i, i + 500)).where('disabledAt', 'is', null).execute();
      for (const r of rows) emailOf.set(r.id, r.email);
    }
  }
  const out = new Map<string, StakeholderRecipient>();
  const add = (address: string, a: AudienceRow) => {
    const key = address.trim().toLowerCase();
    if (!key || out.has(key)) return;
    out.set(key, { address: address.trim(), language: language ?? (a.language === 'ja' ? 'ja' : 'en'), audienceId: a.id });
  };
  for (const a of audiences) {
    const users = a.allUsers === 1 ? [...emailOf.keys()] : (JSON.parse(a.userIds) as string[]);
    for (const id of users) {
      const email = emailOf.get(id);
      if (email) add(email, a);
    }
    for (const email of JSON.parse(a.emails) as string[]) add(email, a);
  }
  return [...out.values()];
}
