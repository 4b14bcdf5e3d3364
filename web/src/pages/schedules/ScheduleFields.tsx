import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { TimeZoneInput } from './TimeZoneInput';

export interface ScheduleDraft {
  name: string;
  timeZone: string;
  description: string;
}

/** Name, IANA zone and description of a schedule (create and edit). */
export function ScheduleFields({ value, onChange }: { value: ScheduleDraft; onChange: (d: ScheduleDraft) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('schedules.form.name')}>{(id) => <input id={id} required value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} />}</Field>
      <Field label={t('schedules.form.timeZone')} hint={t('schedules.form.timeZoneHint')}>
        {(id) => <TimeZoneInput id={id} value={value.timeZone} onChange={(timeZone) => onChange({ ...value, timeZone })} />}
      </Field>
      <Field label={t('schedules.form.description')}>
        {(id) => <textarea id={id} value={value.description} onChange={(e) => onChange({ ...value, description: e.target.value })} />}
      </Field>
    </>
  );
}
