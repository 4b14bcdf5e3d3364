import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { Field } from '../../components/Field';
import { NamedSelect } from '../../components/NamedSelect';

/**
 * Several people, picked one at a time from the active ones and shown as removable chips. Someone
 * chosen earlier and disabled since stays listed (and marked) until removed.
 */
export function PeoplePicker({ value, onChange, people, disabled }: { value: string[]; onChange: (ids: string[]) => void; people: readonly User[]; disabled?: boolean }) {
  const { t } = useTranslation();
  const [pick, setPick] = useState('');
  const byId = new Map(people.map((p) => [p.id, p]));
  const nameOf = (id: string) => {
    const p = byId.get(id);
    if (!p) return t('audiences.people.unknown');
    return p.disabled ? t('audiences.people.disabled', { name: p.name }) : p.name;
  };
  const options = people.filter((p) => !p.disabled && !value.includes(p.id));
  return (
    <fieldset className="people-picker" disabled={disabled}>
      <legend>{t('audiences.people.legend')}</legend>
      {value.length ? (
        <ul className="people-chosen" aria-label={t('audiences.people.chosen')}>
          {value.map((id) => {
            const name = nameOf(id);
            return (
              <li key={id} className="person-chip">
                {name}
                <button type="button" className="button small" aria-label={t('audiences.people.remove', { name })} onClick={() => onChange(value.filter((x) => x !== id))}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t('audiences.people.none')}</p>
      )}
      <div className="people-add">
        <Field label={t('audiences.people.person')}>
          {(id) => <NamedSelect id={id} value={pick} onChange={setPick} options={options} empty={t('audiences.people.choose')} />}
        </Field>
        <button
          type="button"
          className="button"
          disabled={!pick}
          onClick={() => {
            onChange([...value, pick]);
            setPick('');
          }}
        >
          {t('audiences.people.add')}
        </button>
      </div>
    </fieldset>
  );
}
