import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import type { Local } from './zoned';

/**
 * A local date and time in a named zone. The two stay separate strings, so changing the date keeps
 * the time typed (edge case 4); the caller turns them into an instant with toInstant when sending.
 */
export function ZonedDateTime({ legend, zone, value, onChange }: { legend: string; zone: string; value: Local; onChange: (v: Local) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="zoned-dt">
      <legend>{legend}</legend>
      <div className="zoned-dt-fields">
        <Field label={t('schedules.form.date')}>
          {(id) => <input id={id} type="date" required value={value.date} onChange={(e) => onChange({ ...value, date: e.target.value })} />}
        </Field>
        <Field label={t('schedules.form.time')}>
          {(id) => <input id={id} type="time" required value={value.time} onChange={(e) => onChange({ ...value, time: e.target.value })} />}
        </Field>
      </div>
      <small className="hint">{t('schedules.form.inZone', { zone })}</small>
    </fieldset>
  );
}
