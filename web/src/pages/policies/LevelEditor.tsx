import { useTranslation } from 'react-i18next';
import type { PolicyTarget } from '../../api/oncall';
import { Field } from '../../components/Field';
import type { LevelDraft } from './draft';
import { type Choice, TargetPicker } from './TargetPicker';

/** One escalation level: who is paged and how long it waits before the next level. */
export function LevelEditor({
  level,
  n,
  count,
  onChange,
  onMove,
  onRemove,
  choices,
  nameOf,
}: {
  level: LevelDraft;
  n: number;
  count: number;
  onChange: (l: LevelDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  choices: Choice[];
  nameOf: (t: PolicyTarget) => string;
}) {
  const { t } = useTranslation();
  const last = n === count;
  return (
    <section className="card level-card" aria-labelledby={`${level.key}-title`}>
      <header className="layer-head">
        <h3 id={`${level.key}-title`}>{t('policies.levels.nth', { n })}</h3>
        <div className="row">
          <button type="button" className="button small" disabled={n === 1} onClick={() => onMove(-1)} aria-label={t('policies.levels.up', { n })}>
            ↑
          </button>
          <button type="button" className="button small" disabled={last} onClick={() => onMove(1)} aria-label={t('policies.levels.down', { n })}>
            ↓
          </button>
          <button type="button" className="button small danger" disabled={count === 1} onClick={onRemove}>
            {t('policies.levels.remove')}
          </button>
        </div>
      </header>
      <p className="hint">{n === 1 ? t('policies.levels.firstHint') : t('policies.levels.laterHint', { prev: n - 1 })}</p>
      <TargetPicker value={level.targets} onChange={(targets) => onChange({ ...level, targets })} choices={choices} nameOf={nameOf} />
      <Field label={t('policies.levels.delay')} hint={last ? t('policies.levels.delayLastHint') : t('policies.levels.delayHint', { next: n + 1 })}>
        {(id) => (
          <input id={id} type="number" inputMode="numeric" min={1} step={1} value={level.delayMinutes} onChange={(e) => onChange({ ...level, delayMinutes: e.target.value })} />
        )}
      </Field>
    </section>
  );
}
