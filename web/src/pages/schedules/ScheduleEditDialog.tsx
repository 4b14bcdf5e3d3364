import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch } from '../../api/client';
import { type Schedule, useRefreshOnCall } from '../../api/oncall';
import { Dialog } from '../../components/Dialog';
import { type ScheduleDraft, ScheduleFields } from './ScheduleFields';
import { FormActions } from '../../components/FormActions';

/** Rename, re-describe or move a schedule to another zone (handoffs keep their wall-clock times). */
export function ScheduleEditDialog({ schedule, onClose }: { schedule: Schedule; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshOnCall();
  const [draft, setDraft] = useState<ScheduleDraft>({ name: schedule.name, timeZone: schedule.timeZone, description: schedule.description });
  const save = useMutation({
    mutationFn: () => patch<Schedule>(`/api/v1/schedules/${schedule.id}`, draft),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Dialog open onClose={onClose} title={t('schedules.edit.title')}>
      <form onSubmit={submit}>
        <ScheduleFields value={draft} onChange={setDraft} />
        {draft.timeZone !== schedule.timeZone ? <p className="hint">{t('schedules.edit.zoneHint')}</p> : null}
        <FormActions pending={save.isPending} label={t('common.save')} onCancel={onClose} error={save.error} />
      </form>
    </Dialog>
  );
}
