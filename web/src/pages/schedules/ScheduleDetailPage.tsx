import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { del } from '../../api/client';
import { useCan, useRefreshOnCall, useSchedule } from '../../api/oncall';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ZoneNote } from '../../components/ZoneNote';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
import { FeedCard } from './FeedCard';
import { LayersSection } from './LayersSection';
import { OnCallNowCard } from './OnCallNowCard';
import { OverridesSection } from './OverridesSection';
import { ScheduleEditDialog } from './ScheduleEditDialog';
import { TimelineSection } from './TimelineSection';

/** One schedule: who is on call now, the timeline with gaps, layers, overrides and the iCal feed. */
export function ScheduleDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const refresh = useRefreshOnCall();
  const q = useSchedule(id);
  const [open, setOpen] = useState<'edit' | 'delete' | null>(null);
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorNote error={q.error} />;
  const s = q.data;
  return (
    <div className="schedule-page">
      <p className="crumbs">
        <Link to="/schedules">{t('schedules.list.title')}</Link>
      </p>
      <PageHeader
        title={s.name}
        actions={
          can.manage ? (
            <>
              <button type="button" className="button" onClick={() => setOpen('edit')}>
                {t('common.edit')}
              </button>
              <button type="button" className="button danger" onClick={() => setOpen('delete')}>
                {t('common.delete')}
              </button>
            </>
          ) : null
        }
      >
        <p className="muted">
          {t('schedules.detail.zone', { zone: s.timeZone })}
          {s.description ? ` · ${s.description}` : ''}
        </p>
      </PageHeader>
      <ZoneNote />
      <div className="grid-2 cards-row">
        <OnCallNowCard scheduleId={s.id} />
        <FeedCard scheduleId={s.id} />
      </div>
      <TimelineSection schedule={s} />
      <LayersSection schedule={s} />
      <OverridesSection schedule={s} />
      {open === 'edit' ? <ScheduleEditDialog schedule={s} onClose={() => setOpen(null)} /> : null}
      {open === 'delete' ? (
        <ConfirmDeleteDialog
          title={t('schedules.delete.title')}
          question={t('schedules.delete.question', { name: s.name })}
          inUse={t('schedules.delete.inUse')}
          remove={() => del(`/api/v1/schedules/${s.id}`)}
          onClose={() => setOpen(null)}
          onDeleted={() => {
            void refresh();
            void navigate('/schedules');
          }}
        />
      ) : null}
    </div>
  );
}
