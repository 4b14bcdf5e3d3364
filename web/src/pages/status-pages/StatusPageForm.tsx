import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../api/admin';
import type { StatusPage } from '../../api/types';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { TimeZoneInput } from '../schedules/TimeZoneInput';
import { VISIBILITIES } from './api';

export interface StatusPageValues {
  slug: string;
  name: string;
  description: string;
  visibility: StatusPage['visibility'];
  language: Locale;
  timeZone: string;
  /** '' for none. */
  hostname: string;
}

export const valuesOf = (p: StatusPage): StatusPageValues => ({
  slug: p.slug,
  name: p.name,
  description: p.description,
  visibility: p.visibility,
  language: p.language,
  timeZone: p.timeZone,
  hostname: p.hostname ?? '',
});

/** The same form to create a page and to change it; the slug is asked only when creating. */
export function StatusPageForm({
  initial,
  withSlug,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
  disabled,
}: {
  initial: StatusPageValues;
  withSlug?: boolean;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (v: StatusPageValues) => void;
  onCancel?: () => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState(initial);
  const set = <K extends keyof StatusPageValues>(k: K, value: StatusPageValues[K]) => setV((o) => ({ ...o, [k]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(v);
  };
  return (
    <form onSubmit={submit} aria-label={submitLabel}>
      <fieldset className="bare" disabled={disabled}>
        <div className="grid-2">
          <Field label={t('statusPages.form.name')}>{(id) => <input id={id} required maxLength={200} value={v.name} onChange={(e) => set('name', e.target.value)} />}</Field>
          {withSlug ? (
            <Field label={t('statusPages.form.slug')} hint={t('statusPages.form.slugHint')}>
              {(id) => (
                <input
                  id={id}
                  required
                  maxLength={63}
                  pattern="[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?"
                  autoCapitalize="off"
                  autoComplete="off"
                  spellCheck={false}
                  value={v.slug}
                  onChange={(e) => set('slug', e.target.value)}
                />
              )}
            </Field>
          ) : null}
        </div>
        <Field label={t('statusPages.form.description')}>
          {(id) => <textarea id={id} maxLength={2000} rows={2} value={v.description} onChange={(e) => set('description', e.target.value)} />}
        </Field>
        <fieldset className="type-choice">
          <legend>{t('statusPages.form.visibility')}</legend>
          {VISIBILITIES.map((vis) => (
            <label key={vis} className="choice">
              <input type="radio" name="status-page-visibility" value={vis} checked={v.visibility === vis} onChange={() => set('visibility', vis)} />
              <span>
                <strong>{t(`statusPages.visibility.${vis}`)}</strong> <small className="hint">{t(`statusPages.visibility.${vis}Hint`)}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="grid-2">
          <Field label={t('statusPages.form.language')} hint={t('statusPages.form.languageHint')}>
            {(id) => (
              <select id={id} value={v.language} onChange={(e) => set('language', e.target.value as Locale)}>
                {LOCALES.map((l) => (
                  <option key={l} value={l}>
                    {t(`common.language.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('statusPages.form.timeZone')} hint={t('statusPages.form.timeZoneHint')}>
            {(id) => <TimeZoneInput id={id} value={v.timeZone} onChange={(z) => set('timeZone', z)} />}
          </Field>
        </div>
        <Field label={t('statusPages.form.hostname')} hint={t('statusPages.form.hostnameHint')}>
          {(id) => (
            <input
              id={id}
              maxLength={253}
              autoCapitalize="off"
              autoComplete="off"
              spellCheck={false}
              placeholder="status.example.com"
              value={v.hostname}
              onChange={(e) => set('hostname', e.target.value)}
            />
          )}
        </Field>
        <FormActions pending={busy} label={submitLabel} onCancel={onCancel} error={error} />
      </fieldset>
    </form>
  );
}
