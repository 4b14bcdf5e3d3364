import { type FormEvent, type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type PolicyTarget, useSchedules, useUsers } from '../../api/oncall';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { type LevelDraft, newLevel, type PolicyDraft } from './draft';
import { LevelEditor } from './LevelEditor';
import type { Choice } from './TargetPicker';

/** The policy's fields and its ordered levels; the server's 400 is shown above the buttons. */
export function PolicyForm({
  draft,
  onChange,
  onSubmit,
  error,
  busy,
  known,
  actions,
}: {
  draft: PolicyDraft;
  onChange: (d: PolicyDraft) => void;
  onSubmit: () => void;
  error: unknown;
  busy: boolean;
  /** Names the saved policy already gives its targets (also for ones since deleted). */
  known: Map<string, string>;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const users = useUsers();
  const schedules = useSchedules();
  const choices = useMemo<Choice[]>(
    () => [
      ...(users.data ?? []).map((u) => ({ type: 'user' as const, id: u.id, name: u.name })),
      ...(schedules.data?.items ?? []).map((s) => ({ type: 'schedule' as const, id: s.id, name: s.name })),
    ],
    [users.data, schedules.data],
  );
  const nameOf = (x: PolicyTarget) => choices.find((c) => c.type === x.type && c.id === x.id)?.name ?? known.get(`${x.type}:${x.id}`) ?? t('policies.targets.missing');
  const set = (p: Partial<PolicyDraft>) => onChange({ ...draft, ...p });
  const setLevel = (i: number, l: LevelDraft) => set({ levels: draft.levels.map((x, j) => (j === i ? l : x)) });
  const move = (i: number, by: -1 | 1) => {
    const levels = [...draft.levels];
    const [l] = levels.splice(i, 1);
    if (l) levels.splice(i + by, 0, l);
    set({ levels });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} className="policy-form">
      <div className="card policy-card">
        <Field label={t('policies.form.name')}>{(id) => <input id={id} required value={draft.name} onChange={(e) => set({ name: e.target.value })} />}</Field>
        <Field label={t('policies.form.description')}>{(id) => <textarea id={id} value={draft.description} onChange={(e) => set({ description: e.target.value })} />}</Field>
        <div className="grid-2">
          <Field label={t('policies.form.repeat')} hint={t('policies.form.repeatHint')}>
            {(id) => <input id={id} type="number" inputMode="numeric" min={0} max={9} step={1} value={draft.repeat} onChange={(e) => set({ repeat: e.target.value })} />}
          </Field>
          <Field label={t('policies.form.ackTimeout')} hint={t('policies.form.ackTimeoutHint')}>
            {(id) => <input id={id} type="number" inputMode="numeric" min={1} step={1} value={draft.ackTimeout} onChange={(e) => set({ ackTimeout: e.target.value })} />}
          </Field>
        </div>
      </div>
      <h2>{t('policies.levels.title')}</h2>
      <ol className="list levels">
        {draft.levels.map((l, i) => (
          <li key={l.key}>
            <LevelEditor
              level={l}
              n={i + 1}
              count={draft.levels.length}
              onChange={(x) => setLevel(i, x)}
              onMove={(by) => move(i, by)}
              onRemove={() => set({ levels: draft.levels.filter((_, j) => j !== i) })}
              choices={choices}
              nameOf={nameOf}
            />
          </li>
        ))}
      </ol>
      <button type="button" className="button add-level" onClick={() => set({ levels: [...draft.levels, newLevel()] })}>
        {t('policies.levels.add')}
      </button>
      <ErrorNote error={error} />
      <div className="row form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        {actions}
      </div>
    </form>
  );
}
