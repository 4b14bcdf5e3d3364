import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del } from '../../api/client';
import { type Schedule, type ScheduleOverride, useCan, useOverrides, useRefreshOnCall } from '../../api/oncall';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../time/useFormat';
import { OverrideDialog } from './OverrideDialog';

function who(o: ScheduleOverride, unknown: string): string {
  const name = (u: ScheduleOverride['user']) => u?.name ?? unknown;
  if (o.kind === 'replace') return `${name(o.user)} ← ${name(o.replacesUser)}`;
  return o.kind === 'add' ? name(o.user) : name(o.replacesUser);
}

/** Overrides from now to 90 days ahead, in the order they apply, with create and delete. */
export function OverridesSection({ schedule }: { schedule: Schedule }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const refresh = useRefreshOnCall();
  const list = useOverrides(schedule.id);
  const [adding, setAdding] = useState(false);
  const remove = useMutation({ mutationFn: (id: string) => del(`/api/v1/schedules/${schedule.id}/overrides/${id}`), onSuccess: refresh });
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="overrides-title">
      <div className="section-head">
        <h2 id="overrides-title">{t('schedules.overrides.title')}</h2>
        {can.override ? (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('schedules.overrides.add')}
          </button>
        ) : null}
      </div>
      <ErrorNote error={list.error ?? remove.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('schedules.overrides.kind')}</th>
                <th scope="col">{t('schedules.overrides.who')}</th>
                <th scope="col">{t('schedules.overrides.period')}</th>
                {can.override ? <th scope="col">{t('schedules.overrides.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <span className="badge">{t(`schedules.overrides.kinds.${o.kind}`)}</span>
                  </td>
                  <td>{who(o, t('schedules.members.unknown'))}</td>
                  <td>{f.range(o.start, o.end)}</td>
                  {can.override ? (
                    <td>
                      <button
                        type="button"
                        className="button small danger"
                        disabled={remove.isPending}
                        onClick={() => {
                          if (window.confirm(t('schedules.overrides.confirmDelete'))) remove.mutate(o.id);
                        }}
                      >
                        {t('common.delete')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('schedules.overrides.none')}</p>
      )}
      {adding ? <OverrideDialog schedule={schedule} onClose={() => setAdding(false)} /> : null}
    </section>
  );
}
