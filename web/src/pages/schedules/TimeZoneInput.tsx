import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { allZones, isZone } from './zoned';

/** A time-zone text box that searches the browser's IANA zones as you type (a datalist). */
export function TimeZoneInput({ id, value, onChange }: { id: string; value: string; onChange: (zone: string) => void }) {
  const { t } = useTranslation();
  const zones = useMemo(allZones, []);
  const listId = `${id}-zones`;
  const bad = value !== '' && !isZone(value);
  return (
    <>
      <input
        id={id}
        list={listId}
        value={value}
        required
        autoComplete="off"
        spellCheck={false}
        placeholder="Asia/Tokyo"
        aria-invalid={bad}
        aria-describedby={bad ? `${id}-bad` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      {bad ? (
        <small id={`${id}-bad`} className="field-problem">
          {t('schedules.form.badZone')}
        </small>
      ) : null}
    </>
  );
}
