import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateUser } from '../../api/admin';
import type { User } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useSession } from '../../session/session';

/** A daily window, in my own time zone, in which low-urgency pages wait; high urgency never waits. */
export function QuietHoursForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const update = useUpdateUser();
  const [on, setOn] = useState(user.quietHours !== null);
  const [start, setStart] = useState(user.quietHours?.start ?? '22:00');
  const [end, setEnd] = useState(user.quietHours?.end ?? '07:00');
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    update.mutate(
      { id: user.id, body: { quietHours: on ? { start, end } : null } },
      {
        onSuccess: async () => {
          await refresh();
          setSaved(true);
        },
      },
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="quiet-hours">
      <h2 id="quiet-hours">{t('profile.quiet.title')}</h2>
      <p className="muted">{t('profile.quiet.intro', { zone: user.timeZone })}</p>
      <label className="check">
        <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} />
        {t('profile.quiet.enable')}
      </label>
      <div className="row quiet-times">
        <Field label={t('profile.quiet.start')}>{(id) => <input id={id} type="time" required disabled={!on} value={start} onChange={(e) => setStart(e.target.value)} />}</Field>
        <Field label={t('profile.quiet.end')}>{(id) => <input id={id} type="time" required disabled={!on} value={end} onChange={(e) => setEnd(e.target.value)} />}</Field>
      </div>
      <ErrorNote error={update.error} />
      <div className="row">
        <button type="submit" className="button" disabled={update.isPending}>
          {t('common.save')}
        </button>
        {saved ? (
          <span className="ok-note" role="status">
            {on ? t('profile.quiet.savedOn', { start, end }) : t('profile.quiet.savedOff')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
