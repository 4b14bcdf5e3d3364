import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Task, useAddTask, usePeople, useTasks, useUpdateTask } from '../../api/incidents';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { NamedSelect } from '../../components/NamedSelect';

const STATUSES: Task['status'][] = ['todo', 'in_progress', 'done', 'cancelled'];

/** Who does what during the response. */
export function TasksPanel({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const q = useTasks(incidentId);
  const people = usePeople();
  const add = useAddTask(incidentId);
  const update = useUpdateTask(incidentId);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const items = q.data?.items ?? [];
  const active = people.data?.items.filter((u) => !u.disabled) ?? [];
  return (
    <section className="card" aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t('incidents.tasks.title')}</h2>
      {q.data && items.length === 0 ? <p className="muted">{t('incidents.tasks.empty')}</p> : null}
      <ul className="list">
        {items.map((task) => (
          <li key={task.id} className="task-item">
            <span className="task-title">{task.title}</span>
            <label className="sr-only" htmlFor={`task-owner-${task.id}`}>
              {t('incidents.tasks.owner')}
            </label>
            <NamedSelect
              id={`task-owner-${task.id}`}
              value={task.ownerId ?? ''}
              disabled={update.isPending}
              onChange={(v) => update.mutate({ taskId: task.id, ownerId: v || null })}
              options={active}
              empty={t('incidents.tasks.nobody')}
            />
            <label className="sr-only" htmlFor={`task-status-${task.id}`}>
              {t('incidents.col.status')}
            </label>
            <select
              id={`task-status-${task.id}`}
              value={task.status}
              disabled={update.isPending}
              onChange={(e) => update.mutate({ taskId: task.id, status: e.target.value })}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`incidents.tasks.status.${s}`)}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <form
        className="row task-add"
        onSubmit={(e) => {
          e.preventDefault();
          if (!title.trim()) return;
          add.mutate({ title, ...(ownerId ? { ownerId } : {}) }, { onSuccess: () => setTitle('') });
        }}
      >
        <Field label={t('incidents.tasks.newTask')}>{(id) => <input id={id} value={title} maxLength={500} onChange={(e) => setTitle(e.target.value)} />}</Field>
        <Field label={t('incidents.tasks.owner')}>
          {(id) => (
            <NamedSelect id={id} value={ownerId} onChange={setOwnerId} options={active} empty={t('incidents.tasks.nobody')} />
          )}
        </Field>
        <button type="submit" className="button" disabled={add.isPending || !title.trim()}>
          {t('incidents.tasks.add')}
        </button>
      </form>
      <ErrorNote error={q.error ?? add.error ?? update.error} />
    </section>
  );
}
