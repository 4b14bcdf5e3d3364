import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan, useOnCallNow, useSchedules } from '../../api/oncall';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ScheduleCreateDialog } from './ScheduleCreateDialog';

/** Every schedule with its zone, layers and who is on call now. */
export function ScheduleListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useSchedules();
  const oncall = useOnCallNow();
  const [creating, setCreating] = useState(false);
  const now = new Map((oncall.data?.items ?? []).map((o) => [o.scheduleId, o.users]));
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('schedules.list.title')}
        actions={
          can.manage ? (
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              {t('schedules.list.create')}
            </button>
          ) : null
        }
      />
      <ErrorNote error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('schedules.form.name')}</th>
                <th scope="col">{t('schedules.form.timeZone')}</th>
                <th scope="col">{t('schedules.list.layers')}</th>
                <th scope="col">{t('schedules.list.onCall')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => {
                const users = now.get(s.id);
                return (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/schedules/${s.id}`}>{s.name}</Link>
                      {s.description ? <div className="muted small">{s.description}</div> : null}
                    </td>
                    <td>{s.timeZone}</td>
                    <td>{s.layers.length}</td>
                    <td>
                      {users === undefined ? '…' : users.length ? users.map((u) => u.name ?? t('schedules.members.unknown')).join(', ') : <span className="badge gap">{t('schedules.now.nobodyShort')}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('schedules.list.empty')}</p>
      )}
      {creating ? <ScheduleCreateDialog onClose={() => setCreating(false)} /> : null}
    </>
  );
}
