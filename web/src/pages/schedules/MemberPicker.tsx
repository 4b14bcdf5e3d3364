import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/oncall';
import { Field } from '../../components/Field';
import { NamedSelect } from '../../components/NamedSelect';

/**
 * An ordered list of people (rotation order: the first is on call from the first handoff). A person
 * may be listed more than once. `names` also covers people no longer in `users` (deleted, disabled).
 */
export function MemberPicker({
  legend,
  value,
  onChange,
  users,
  names,
}: {
  legend: string;
  value: string[];
  onChange: (ids: string[]) => void;
  users: User[];
  names: Map<string, string>;
}) {
  const { t } = useTranslation();
  const [pick, setPick] = useState('');
  const nameOf = (id: string) => names.get(id) ?? users.find((u) => u.id === id)?.name ?? t('schedules.members.unknown');
  const move = (i: number, by: number) => {
    const next = [...value];
    const [m] = next.splice(i, 1);
    if (m !== undefined) next.splice(i + by, 0, m);
    onChange(next);
  };
  return (
    <fieldset className="member-picker">
      <legend>{legend}</legend>
      {value.length ? (
        <ol className="member-list">
          {value.map((id, i) => {
            const name = nameOf(id);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a person may be listed twice; the position is the identity
              <li key={`${id}-${i}`}>
                <span className="member-name">{name}</span>
                <span className="member-actions">
                  <button type="button" className="button small" disabled={i === 0} aria-label={t('schedules.members.up', { name })} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" className="button small" disabled={i === value.length - 1} aria-label={t('schedules.members.down', { name })} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button type="button" className="button small" aria-label={t('schedules.members.removeOne', { name })} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                    {t('common.remove')}
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted">{t('schedules.members.empty')}</p>
      )}
      <div className="member-add">
        <Field label={t('schedules.members.person')}>
          {(id) => (
            <NamedSelect id={id} value={pick} onChange={setPick} options={users} empty={t('schedules.members.choose')} />
          )}
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
          {t('schedules.members.add')}
        </button>
      </div>
      <small className="hint">{t('schedules.members.orderHint')}</small>
    </fieldset>
  );
}
