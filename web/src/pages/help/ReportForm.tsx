import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../api/incidents';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { NamedSelect } from '../../components/NamedSelect';
import { useSession } from '../../session/session';
import { AFFECTED_WHO, type CreatedIntakeReport, DEVICE_KINDS, useReportProblem } from './api';
import { type Draft, emptyDraft, instantToLocal, toBody } from './draft';
import { SecurityQuestions } from './SecurityQuestions';

/** The structured report (SPEC §4.5): when, who, scope, what cannot be done, device, security questions. */
export function ReportForm({ onReported }: { onReported: (r: CreatedIntakeReport) => void }) {
  const { t } = useTranslation();
  const { zone } = useSession();
  const services = useServices();
  const report = useReportProblem();
  const [d, setD] = useState<Draft>(emptyDraft);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((prev) => ({ ...prev, [k]: v }));
  const max = useMemo(() => instantToLocal(new Date(), zone), [zone]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    report.mutate(toBody(d, zone), { onSuccess: onReported });
  };
  return (
    <form onSubmit={submit} aria-labelledby="report-title">
      <h2 id="report-title">{t('help.form.title')}</h2>
      <Field label={t('help.form.summary')}>
        {(id) => (
          <input id={id} required maxLength={500} value={d.summary} placeholder={t('help.form.summaryPlaceholder')} onChange={(e) => set('summary', e.target.value)} />
        )}
      </Field>
      <Field label={t('help.form.startedAt')} hint={t('help.form.startedAtHint', { zone })}>
        {(id) => <input id={id} type="datetime-local" max={max} value={d.startedAt} onChange={(e) => set('startedAt', e.target.value)} />}
      </Field>
      <fieldset className="plain">
        <legend>{t('help.form.affected')}</legend>
        <div className="radios">
          {AFFECTED_WHO.map((w) => (
            <label key={w} className="radio">
              <input type="radio" name="who" value={w} checked={d.who === w} onChange={() => set('who', w)} /> {t(`help.form.who.${w}`)}
            </label>
          ))}
        </div>
        <Field label={t('help.form.count')}>
          {(id) => <input id={id} type="number" min={1} max={10_000_000} step={1} inputMode="numeric" value={d.count} onChange={(e) => set('count', e.target.value)} />}
        </Field>
      </fieldset>
      <Field label={t('help.form.cannotDo')}>
        {(id) => (
          <textarea id={id} required maxLength={4000} value={d.cannotDo} placeholder={t('help.form.cannotDoPlaceholder')} onChange={(e) => set('cannotDo', e.target.value)} />
        )}
      </Field>
      <div className="grid-2">
        <Field label={t('help.form.scope')}>
          {(id) => <input id={id} maxLength={2000} value={d.scope} placeholder={t('help.form.scopePlaceholder')} onChange={(e) => set('scope', e.target.value)} />}
        </Field>
        <Field label={t('help.form.service')}>
          {(id) => <NamedSelect id={id} value={d.serviceId} onChange={(v) => set('serviceId', v)} options={services.data?.items} empty={t('help.form.serviceUnknown')} />}
        </Field>
      </div>
      <fieldset className="plain">
        <legend>{t('help.form.device')}</legend>
        <div className="grid-2">
          <Field label={t('help.form.deviceKind')}>
            {(id) => (
              <select id={id} value={d.deviceKind} onChange={(e) => set('deviceKind', e.target.value as Draft['deviceKind'])}>
                <option value="">{t('help.form.deviceNone')}</option>
                {DEVICE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`help.form.deviceKinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('help.form.deviceDetails')}>
            {(id) => <input id={id} maxLength={500} disabled={!d.deviceKind} value={d.deviceDetails} onChange={(e) => set('deviceDetails', e.target.value)} />}
          </Field>
        </div>
      </fieldset>
      <SecurityQuestions value={d.security} onChange={(v) => set('security', v)} />
      <Field label={t('help.form.details')}>
        {(id) => <textarea id={id} maxLength={10_000} value={d.details} onChange={(e) => set('details', e.target.value)} />}
      </Field>
      <FormActions pending={report.isPending} label={t('help.form.submit')} error={report.error} />
    </form>
  );
}
