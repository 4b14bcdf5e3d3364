import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../api/admin';
import type { User } from '../../api/types';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { AUDIENCE_KINDS, type AudienceKind } from './api';
import { type AudienceDraft, bodyOf, refusedEmails } from './draft';
import { PeoplePicker } from './PeoplePicker';

/**
 * The same form to create an audience and to change it: a name, a kind, the language its e-mails are
 * written in, and whom they go to (everyone in the company, chosen people, extra addresses).
 */
export function AudienceForm({
  initial,
  people,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  initial: AudienceDraft;
  people: readonly User[];
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (d: AudienceDraft) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState(initial);
  const set = <K extends keyof AudienceDraft>(k: K, v: AudienceDraft[K]) => setD((o) => ({ ...o, [k]: v }));
  // The addresses as last sent: the server's `emails.<index>` points into these, not into later edits.
  const [sent, setSent] = useState<string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(bodyOf(d).emails);
    onSubmit(d);
  };
  // The whole company is what "all employees" usually means: checked for it, still up to the admin.
  const setKind = (kind: AudienceKind) => setD((o) => ({ ...o, kind, allUsers: kind === 'all_employees' ? true : o.allUsers }));
  const refused = refusedEmails(error, sent);
  return (
    <form onSubmit={submit} aria-label={submitLabel}>
      <div className="grid-2">
        <Field label={t('audiences.form.name')} hint={t('audiences.form.nameHint')}>
          {(id) => <input id={id} required maxLength={200} autoComplete="off" value={d.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field label={t('audiences.form.kind')} hint={t(`audiences.kindHint.${d.kind}`)}>
          {(id) => (
            <select id={id} value={d.kind} onChange={(e) => setKind(e.target.value as AudienceKind)}>
              {AUDIENCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`audiences.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('audiences.form.language')} hint={t('audiences.form.languageHint')}>
        {(id) => (
          <select id={id} value={d.language} onChange={(e) => set('language', e.target.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`common.language.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={d.allUsers} onChange={(e) => set('allUsers', e.target.checked)} />
        <span>
          {t('audiences.form.everyone')}
          <small className="hint"> {t('audiences.form.everyoneHint')}</small>
        </span>
      </label>
      {d.allUsers ? null : <PeoplePicker value={d.userIds} onChange={(ids) => set('userIds', ids)} people={people} />}
      <Field label={t('audiences.form.emails')} hint={t('audiences.form.emailsHint')}>
        {(id) => (
          <>
            <textarea
              id={id}
              rows={3}
              autoCapitalize="off"
              spellCheck={false}
              placeholder="exec-team@example.com"
              aria-invalid={refused.length ? true : undefined}
              value={d.emailsText}
              onChange={(e) => set('emailsText', e.target.value)}
            />
            {refused.length ? (
              <ul className="refused">
                {refused.map((r) => (
                  <li key={r.address}>{t('audiences.form.refused', { address: r.address, message: r.message })}</li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </Field>
      <FormActions pending={busy} label={submitLabel} onCancel={onCancel} error={error} />
    </form>
  );
}
