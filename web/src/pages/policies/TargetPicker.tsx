import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyTarget } from '../../api/oncall';
import { Field } from '../../components/Field';
import { NamedSelect } from '../../components/NamedSelect';

export interface Choice {
  type: PolicyTarget['type'];
  id: string;
  name: string;
}

/** A level's targets (people and schedules), picked from lists; each shown with its kind in text. */
export function TargetPicker({ value, onChange, choices, nameOf }: { value: PolicyTarget[]; onChange: (t: PolicyTarget[]) => void; choices: Choice[]; nameOf: (t: PolicyTarget) => string }) {
  const { t } = useTranslation();
  const [type, setType] = useState<PolicyTarget['type']>('user');
  const [id, setId] = useState('');
  const has = (c: PolicyTarget) => value.some((v) => v.type === c.type && v.id === c.id);
  const options = choices.filter((c) => c.type === type && !has(c));
  return (
    <fieldset className="targets">
      <legend>{t('policies.targets.legend')}</legend>
      {value.length ? (
        <ul className="target-list">
          {value.map((v) => (
            <li key={`${v.type}-${v.id}`} className="target-chip">
              <span className="badge">{t(`policies.targets.types.${v.type}`)}</span> {nameOf(v)}
              <button
                type="button"
                className="button small"
                aria-label={t('policies.targets.remove', { name: nameOf(v) })}
                onClick={() => onChange(value.filter((x) => !(x.type === v.type && x.id === v.id)))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('policies.targets.none')}</p>
      )}
      <div className="target-add">
        <Field label={t('policies.targets.type')}>
          {(fid) => (
            <select
              id={fid}
              value={type}
              onChange={(e) => {
                setType(e.target.value as PolicyTarget['type']);
                setId('');
              }}
            >
              <option value="user">{t('policies.targets.types.user')}</option>
              <option value="schedule">{t('policies.targets.types.schedule')}</option>
            </select>
          )}
        </Field>
        <Field label={t('policies.targets.pick')}>
          {(fid) => (
            <NamedSelect id={fid} value={id} onChange={setId} options={options} empty={t('policies.targets.choose')} />
          )}
        </Field>
        <button
          type="button"
          className="button"
          disabled={!id}
          onClick={() => {
            onChange([...value, { type, id }]);
            setId('');
          }}
        >
          {t('policies.targets.add')}
        </button>
      </div>
    </fieldset>
  );
}
