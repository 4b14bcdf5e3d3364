import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { put } from '../../api/client';
import { type Schedule, type ScheduleLayer, type SetLayerMembers, useRefreshOnCall, useUsers } from '../../api/oncall';
import { Dialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/ErrorNote';
import { namesOf } from './layers';
import { MemberPicker } from './MemberPicker';
import { ZonedDateTime } from './ZonedDateTime';
import { addDays, type Local, toInstant, toLocal } from './zoned';

type When = 'now' | 'at' | 'next_handoff';

/**
 * Change a layer's members from a chosen instant (now, or a date and time in the schedule's zone), or
 * from the first handoff after it. The past is never rewritten; the server refuses an instant before now.
 */
export function MembersDialog({ schedule, layer, onClose }: { schedule: Schedule; layer: ScheduleLayer; onClose: () => void }) {
  const { t } = useTranslation();
  const zone = schedule.timeZone;
  const users = useUsers();
  const refresh = useRefreshOnCall();
  const [members, setMembers] = useState(layer.members.map((m) => m.id));
  const [when, setWhen] = useState<When>('next_handoff');
  const [fromNow, setFromNow] = useState(true);
  const [from, setFrom] = useState<Local>(() => ({ date: addDays(toLocal(new Date(), zone).date, 1), time: layer.rotation.handoffTime }));
  const atInstant = when === 'at' || (when === 'next_handoff' && !fromNow);
  const save = useMutation({
    mutationFn: () => {
      const body: SetLayerMembers = { members, effective: when === 'next_handoff' ? 'next_handoff' : 'at' };
      if (atInstant) {
        const at = toInstant(from, zone);
        if (at) body.effectiveFrom = at.toISOString();
      }
      return put<Schedule>(`/api/v1/schedules/${schedule.id}/layers/${layer.id}/members`, body);
    },
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const options: [When, string][] = [
    ['now', t('schedules.members.whenNow')],
    ['next_handoff', t('schedules.members.whenNextHandoff')],
    ['at', t('schedules.members.whenAt')],
  ];
  return (
    <Dialog open onClose={onClose} title={t('schedules.members.title', { name: layer.name })}>
      <form onSubmit={submit}>
        <MemberPicker legend={t('schedules.members.legend')} value={members} onChange={setMembers} users={users.data ?? []} names={namesOf(schedule.layers)} />
        <fieldset>
          <legend>{t('schedules.members.when')}</legend>
          {options.map(([v, label]) => (
            <label key={v} className="radio">
              <input type="radio" name="when" value={v} checked={when === v} onChange={() => setWhen(v)} /> {label}
            </label>
          ))}
          {when === 'next_handoff' ? (
            <label className="radio">
              <input type="checkbox" checked={!fromNow} onChange={(e) => setFromNow(!e.target.checked)} /> {t('schedules.members.afterInstant')}
            </label>
          ) : null}
          <p className="hint">{t('schedules.members.pastHint')}</p>
        </fieldset>
        {atInstant ? (
          <ZonedDateTime legend={t('schedules.members.from')} zone={zone} value={from} onChange={setFrom} />
        ) : null}
        <ErrorNote error={save.error} />
        <div className="row form-actions">
          <button type="submit" className="button primary" disabled={save.isPending || members.length === 0}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
