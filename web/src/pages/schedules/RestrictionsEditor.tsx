import { useTranslation } from 'react-i18next';
import type { Restriction } from '../../api/oncall';
import { Field } from '../../components/Field';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Weekday = (typeof WEEKDAYS)[number];

function DaySelect({ label, value, onChange }: { label: string; value: Weekday; onChange: (d: Weekday) => void }) {
  const { t } = useTranslation();
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as Weekday)}>
          {WEEKDAYS.map((d) => (
            <option key={d} value={d}>
              {t(`schedules.days.${d}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function TimeInput({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return <Field label={label}>{(id) => <input id={id} type="time" required value={value} onChange={(e) => onChange(e.target.value)} />}</Field>;
}

/** Active windows of a layer (daily or weekly, local to the schedule); none means always active. */
export function RestrictionsEditor({ value, onChange, zone }: { value: Restriction[]; onChange: (r: Restriction[]) => void; zone: string }) {
  const { t } = useTranslation();
  const set = (i: number, r: Restriction) => onChange(value.map((x, j) => (j === i ? r : x)));
  return (
    <fieldset>
      <legend>{t('schedules.restrictions.legend')}</legend>
      <p className="hint">{value.length ? t('schedules.restrictions.hint', { zone }) : t('schedules.restrictions.none')}</p>
      {value.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: windows have no identity but their place
        <fieldset className="restriction" key={i}>
          <legend className="sr-only">{t('schedules.restrictions.nth', { n: i + 1 })}</legend>
          {r.kind === 'weekly' ? <DaySelect label={t('schedules.restrictions.startDay')} value={r.startDay} onChange={(startDay) => set(i, { ...r, startDay })} /> : null}
          <TimeInput label={t('schedules.restrictions.start')} value={r.start} onChange={(start) => set(i, { ...r, start })} />
          {r.kind === 'weekly' ? <DaySelect label={t('schedules.restrictions.endDay')} value={r.endDay} onChange={(endDay) => set(i, { ...r, endDay })} /> : null}
          <TimeInput label={t('schedules.restrictions.end')} value={r.end} onChange={(end) => set(i, { ...r, end })} />
          <button type="button" className="button small" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t('common.remove')}
          </button>
        </fieldset>
      ))}
      <div className="row">
        <button type="button" className="button small" onClick={() => onChange([...value, { kind: 'daily', start: '09:00', end: '18:00' }])}>
          {t('schedules.restrictions.addDaily')}
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => onChange([...value, { kind: 'weekly', startDay: 'mon', start: '09:00', endDay: 'fri', end: '18:00' }])}
        >
          {t('schedules.restrictions.addWeekly')}
        </button>
      </div>
    </fieldset>
  );
}
