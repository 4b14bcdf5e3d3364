import { useTranslation } from 'react-i18next';
import type { DeclareIncident } from '../../api/types';
import { Field } from '../../components/Field';

export type Assessment = NonNullable<DeclareIncident['assessment']>;

/** Seed 000's impact questions, used when declaring and when reassessing. */
export function AssessmentFields({ value, onChange, full = false }: { value: Assessment; onChange: (a: Assessment) => void; full?: boolean }) {
  const { t } = useTranslation();
  const set = <K extends keyof Assessment>(k: K, v: Assessment[K] | undefined) => {
    const next = { ...value };
    if (v === undefined) delete next[k];
    else next[k] = v;
    onChange(next);
  };
  const num = (s: string) => (s === '' ? undefined : Math.max(0, Math.trunc(Number(s))));
  return (
    <>
      <div className="grid-2">
        <Field label={t('incidents.assessment.scope')}>
          {(id) => (
            <select id={id} value={value.scope ?? ''} onChange={(e) => set('scope', (e.target.value || undefined) as Assessment['scope'])}>
              <option value="">—</option>
              {(['internal', 'external', 'both'] as const).map((x) => (
                <option key={x} value={x}>
                  {t(`incidents.assessment.scopes.${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('incidents.assessment.customersAffected')}>
          {(id) => (
            <select id={id} value={value.customersAffected ?? ''} onChange={(e) => set('customersAffected', (e.target.value || undefined) as Assessment['customersAffected'])}>
              <option value="">—</option>
              {(['none', 'some', 'all', 'unknown'] as const).map((x) => (
                <option key={x} value={x}>
                  {t(`incidents.assessment.affected.${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {full ? (
          <>
            <Field label={t('incidents.assessment.customerCount')}>
              {(id) => <input id={id} type="number" min={0} value={value.customerCount ?? ''} onChange={(e) => set('customerCount', num(e.target.value))} />}
            </Field>
            <Field label={t('incidents.assessment.supportCases')}>
              {(id) => <input id={id} type="number" min={0} value={value.supportCases ?? ''} onChange={(e) => set('supportCases', num(e.target.value))} />}
            </Field>
          </>
        ) : null}
      </div>
      <Field label={t('incidents.assessment.customerExperience')}>
        {(id) => <input id={id} maxLength={2000} value={value.customerExperience ?? ''} onChange={(e) => set('customerExperience', e.target.value || undefined)} />}
      </Field>
      <div className="row">
        <label>
          <input type="checkbox" checked={value.securityImpact ?? false} onChange={(e) => set('securityImpact', e.target.checked || undefined)} />{' '}
          {t('incidents.assessment.securityImpact')}
        </label>
        <label>
          <input type="checkbox" checked={value.dataLoss ?? false} onChange={(e) => set('dataLoss', e.target.checked || undefined)} /> {t('incidents.assessment.dataLoss')}
        </label>
        {full ? (
          <label>
            <input type="checkbox" checked={value.socialMedia ?? false} onChange={(e) => set('socialMedia', e.target.checked || undefined)} />{' '}
            {t('incidents.assessment.socialMedia')}
          </label>
        ) : null}
      </div>
      {full ? (
        <Field label={t('incidents.assessment.notes')}>
          {(id) => <textarea id={id} maxLength={4000} value={value.notes ?? ''} onChange={(e) => set('notes', e.target.value || undefined)} />}
        </Field>
      ) : null}
    </>
  );
}
