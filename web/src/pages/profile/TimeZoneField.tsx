import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';

let zones: string[] | null = null;
/** Every IANA zone the browser knows, UTC included (some engines list only Etc/UTC). */
export function timeZones(): string[] {
  if (!zones) {
    const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zones = all.includes('UTC') ? all : ['UTC', ...all];
  }
  return zones;
}

/** A time-zone input that suggests as you type (Tokyo, New_York …); the server checks the name. */
export function TimeZoneField({ value, onChange, label }: { value: string; onChange: (zone: string) => void; label?: string }) {
  const { t } = useTranslation();
  const listId = useId();
  const options = useMemo(() => timeZones(), []);
  const known = value === '' || options.includes(value);
  return (
    <Field label={label ?? t('profile.fields.timeZone')} hint={known ? t('profile.fields.timeZoneHint') : t('profile.fields.timeZoneUnknown')}>
      {(id) => (
        <>
          <input
            id={id}
            list={listId}
            required
            autoComplete="off"
            spellCheck={false}
            value={value}
            aria-invalid={!known}
            onChange={(e) => onChange(e.target.value)}
          />
          <datalist id={listId}>
            {options.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
