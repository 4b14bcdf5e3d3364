import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEscalationPolicies, useTeams } from '../../api/admin';
import type { Service } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';

export interface ServiceValues {
  name: string;
  description: string;
  tier: number;
  teamId: string | null;
  escalationPolicyId: string | null;
}

export const emptyService: ServiceValues = { name: '', description: '', tier: 3, teamId: null, escalationPolicyId: null };
export const valuesOf = (s: Service): ServiceValues => ({
  name: s.name,
  description: s.description,
  tier: s.tier,
  teamId: s.teamId,
  escalationPolicyId: s.escalationPolicyId,
});

/** Name, description, tier, owner team and escalation policy: the same form to create and to edit. */
export function ServiceForm({
  initial,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
  disabled,
}: {
  initial: ServiceValues;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (v: ServiceValues) => void;
  onCancel?: () => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState(initial);
  const policies = useEscalationPolicies();
  const teams = useTeams();
  const set = <K extends keyof ServiceValues>(k: K, value: ServiceValues[K]) => setV((o) => ({ ...o, [k]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(v);
  };
  return (
    <form onSubmit={submit} aria-label={submitLabel}>
      <fieldset className="bare" disabled={disabled}>
        <div className="grid-2">
          <Field label={t('services.form.name')}>{(id) => <input id={id} required maxLength={200} value={v.name} onChange={(e) => set('name', e.target.value)} />}</Field>
          <Field label={t('services.form.tier')} hint={t('services.form.tierHint')}>
            {(id) => (
              <select id={id} value={v.tier} onChange={(e) => set('tier', Number(e.target.value))}>
                {[1, 2, 3, 4].map((n) => (
                  <option key={n} value={n}>
                    {t('services.form.tierOption', { n })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={t('services.form.description')}>
          {(id) => <textarea id={id} maxLength={5000} rows={3} value={v.description} onChange={(e) => set('description', e.target.value)} />}
        </Field>
        <div className="grid-2">
          <Field label={t('services.form.policy')} hint={t('services.form.policyHint')}>
            {(id) => (
              <select id={id} value={v.escalationPolicyId ?? ''} onChange={(e) => set('escalationPolicyId', e.target.value || null)}>
                <option value="">{t('services.form.noPolicy')}</option>
                {policies.data?.items.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('services.form.team')}>
            {(id) => (
              <select id={id} value={v.teamId ?? ''} onChange={(e) => set('teamId', e.target.value || null)}>
                <option value="">{t('services.form.noTeam')}</option>
                {teams.data?.items.map((tm) => (
                  <option key={tm.id} value={tm.id}>
                    {tm.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <ErrorNote error={error ?? policies.error ?? teams.error} />
        <div className="row">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('common.saving') : submitLabel}
          </button>
          {onCancel ? (
            <button type="button" className="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}
