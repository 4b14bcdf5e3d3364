import type { Locale } from '../../api/admin';
import { ApiError } from '../../api/client';
import type { StakeholderAudience } from '../../api/types';
import type { AudienceKind, CreateAudience } from './api';

/** What the audience form edits; the extra addresses as typed, one a line. */
export interface AudienceDraft {
  name: string;
  kind: AudienceKind;
  language: Locale;
  allUsers: boolean;
  userIds: string[];
  emailsText: string;
}

export const emptyDraft = (language: Locale): AudienceDraft => ({ name: '', kind: 'executives', language, allUsers: false, userIds: [], emailsText: '' });

export const draftOf = (a: StakeholderAudience): AudienceDraft => ({
  name: a.name,
  kind: a.kind,
  language: a.language,
  allUsers: a.allUsers,
  userIds: a.userIds,
  emailsText: a.emails.join('\n'),
});

/** The addresses, one a line (commas and semicolons split too, as pasted from a mail client); blanks dropped. */
export const emailLines = (text: string): string[] =>
  text
    .split(/[\n,;]/)
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The request body, the same for create and change (a change sends every field). Everyone in the
 * company already covers every person, so the people chosen are not sent with it.
 */
export const bodyOf = (d: AudienceDraft): Required<CreateAudience> => ({
  name: d.name.trim(),
  kind: d.kind,
  language: d.language,
  allUsers: d.allUsers,
  userIds: d.allUsers ? [] : d.userIds,
  emails: emailLines(d.emailsText),
});

/**
 * The addresses the server refused (its fields name `emails.<index>` of what was sent), so the form
 * can say which line to fix; the server's own message says why.
 */
export function refusedEmails(error: unknown, sent: readonly string[]): { address: string; message: string }[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const fields = (error.details as { fields?: { field: string; message: string }[] } | undefined)?.fields ?? [];
  return fields.flatMap((f) => {
    const m = /^(?:body\.)?emails\.(\d+)$/.exec(f.field);
    const address = m ? sent[Number(m[1])] : undefined;
    return address === undefined ? [] : [{ address, message: f.message }];
  });
}
