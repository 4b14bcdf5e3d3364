import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateIncident } from '../../api/incidents';
import type { Incident } from '../../api/types';
import { type Assessment, AssessmentFields } from './AssessmentFields';
import { FormActions } from '../../components/FormActions';

/** Seed 000's impact questions, as answered so far; reassessed as the response learns more. */
export function AssessmentPanel({ incident: i }: { incident: Incident }) {
  const { t } = useTranslation();
  const update = useUpdateIncident(i.id);
  const [editing, setEditing] = useState<Assessment | null>(null);
  const a = i.assessment;
  const yes = (b: boolean | undefined) => (b === undefined ? null : b ? t('common.yes') : t('common.no'));
  const rows: [string, string | number | null | undefined][] = [
    [t('incidents.assessment.scope'), a.scope ? t(`incidents.assessment.scopes.${a.scope}`) : null],
    [t('incidents.assessment.customersAffected'), a.customersAffected ? t(`incidents.assessment.affected.${a.customersAffected}`) : null],
    [t('incidents.assessment.customerCount'), a.customerCount],
    [t('incidents.assessment.customerExperience'), a.customerExperience],
    [t('incidents.assessment.supportCases'), a.supportCases],
    [t('incidents.assessment.socialMedia'), yes(a.socialMedia)],
    [t('incidents.assessment.securityImpact'), yes(a.securityImpact)],
    [t('incidents.assessment.dataLoss'), yes(a.dataLoss)],
    [t('incidents.assessment.notes'), a.notes],
  ];
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  const open = i.status !== 'closed' && i.status !== 'merged';
  return (
    <section className="card" aria-labelledby="assessment-title">
      <div className="row space-between">
        <h2 id="assessment-title">{t('incidents.assessment.title')}</h2>
        {open && !editing ? (
          <button type="button" className="button small" onClick={() => setEditing({ ...a })}>
            {t('common.edit')}
          </button>
        ) : null}
      </div>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ assessment: editing }, { onSuccess: () => setEditing(null) });
          }}
        >
          <AssessmentFields value={editing} onChange={setEditing} full />
          <FormActions pending={update.isPending} label={t('common.save')} onCancel={() => setEditing(null)} error={update.error} />
        </form>
      ) : shown.length ? (
        <dl className="facts">
          {shown.map(([k, v]) => (
            <div key={k} className="contents">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">{t('incidents.assessment.empty')}</p>
      )}
    </section>
  );
}
