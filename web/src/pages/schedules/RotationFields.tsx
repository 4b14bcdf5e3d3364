import { useTranslation } from 'react-i18next';
import type { Rotation } from '../../api/oncall';
import { Field } from '../../components/Field';

const UNITS = ['hour', 'day', 'week'] as const;

/** Unit, length, handoff time and first handoff date of a layer's rotation (local to the schedule). */
export function RotationFields({ value, onChange, zone }: { value: Rotation; onChange: (r: Rotation) => void; zone: string }) {
  const { t } = useTranslation();
  const set = (p: Partial<Rotation>) => onChange({ ...value, ...p });
  return (
    <fieldset>
      <legend>{t('schedules.rotation.legend')}</legend>
      <div className="grid-2">
        <Field label={t('schedules.rotation.unit')}>
          {(id) => (
            <select id={id} value={value.unit} onChange={(e) => set({ unit: e.target.value as Rotation['unit'] })}>
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`schedules.rotation.units.${u}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('schedules.rotation.length')} hint={t('schedules.rotation.lengthHint')}>
          {(id) => <input id={id} type="number" min={1} step={1} required value={value.length} onChange={(e) => set({ length: e.target.valueAsNumber })} />}
        </Field>
        <Field label={t('schedules.rotation.handoffTime')} hint={t('schedules.form.inZone', { zone })}>
          {(id) => <input id={id} type="time" required value={value.handoffTime} onChange={(e) => set({ handoffTime: e.target.value })} />}
        </Field>
        <Field label={t('schedules.rotation.startDate')} hint={t('schedules.rotation.startDateHint')}>
          {(id) => <input id={id} type="date" required value={value.startDate} onChange={(e) => set({ startDate: e.target.value })} />}
        </Field>
      </div>
    </fieldset>
  );
}
