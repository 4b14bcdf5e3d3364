import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import { type CreateOverride, type Schedule, type ScheduleOverride, useRefreshOnCall, useUsers } from '../../api/oncall';
import { Dialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useFormat } from '../../time/useFormat';
import { TimeZoneInput } from './TimeZoneInput';
import { ZonedDateTime } from './ZonedDateTime';
import { addDays, isZone, type Local, toInstant, toLocal } from './zoned';

type Kind = ScheduleOverride['kind'];

/** The next whole hour in a zone, as a local date and time. */
function nextHour(zone: string): Local {
  return toLocal(new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000), zone);
}

/**
 * Override the final schedule for a period: replace a person, add one, or take one off. Start and end
 * are typed as wall-clock times in a chosen zone (the schedule's by default) and keep their values
 * when the date or the zone changes (edge case 4); the viewer's own zone is shown alongside.
 */
export function OverrideDialog({ schedule, onClose }: { schedule: Schedule; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const users = useUsers();
  const refresh = useRefreshOnCall();
  const [kind, setKind] = useState<Kind>('replace');
  const [userId, setUserId] = useState('');
  const [replacesUserId, setReplaces] = useState('');
  const [zone, setZone] = useState(schedule.timeZone);
  const [start, setStart] = useState<Local>(() => nextHour(schedule.timeZone));
  const [end, setEnd] = useState<Local>(() => {
    const s = nextHour(schedule.timeZone);
    return { ...s, date: addDays(s.date, 1) };
  });
  const okZone = isZone(zone);
  const startAt = okZone ? toInstant(start, zone) : null;
  const endAt = okZone ? toInstant(end, zone) : null;
  const save = useMutation({
    mutationFn: () => {
      const body: CreateOverride = { start: startAt?.toISOString() ?? '', end: endAt?.toISOString() ?? '' };
      if (kind !== 'remove') body.userId = userId;
      if (kind !== 'add') body.replacesUserId = replacesUserId;
      return post<ScheduleOverride>(`/api/v1/schedules/${schedule.id}/overrides`, body);
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
  const people = users.data ?? [];
  const picker = (label: string, value: string, set: (v: string) => void) => (
    <Field label={label}>
      {(id) => (
        <select id={id} required value={value} onChange={(e) => set(e.target.value)}>
          <option value="">{t('schedules.members.choose')}</option>
          {people.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <Dialog open onClose={onClose} title={t('schedules.overrides.addTitle')}>
      <form onSubmit={submit}>
        <Field label={t('schedules.overrides.kind')}>
          {(id) => (
            <select id={id} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              <option value="replace">{t('schedules.overrides.kinds.replace')}</option>
              <option value="add">{t('schedules.overrides.kinds.add')}</option>
              <option value="remove">{t('schedules.overrides.kinds.remove')}</option>
            </select>
          )}
        </Field>
        <div className="grid-2">
          {kind !== 'remove' ? picker(t('schedules.overrides.who'), userId, setUserId) : null}
          {kind !== 'add' ? picker(t('schedules.overrides.replaces'), replacesUserId, setReplaces) : null}
        </div>
        <Field label={t('schedules.overrides.zone')} hint={t('schedules.overrides.zoneHint')}>
          {(id) => <TimeZoneInput id={id} value={zone} onChange={setZone} />}
        </Field>
        <div className="grid-2">
          <ZonedDateTime legend={t('schedules.overrides.start')} zone={zone} value={start} onChange={setStart} />
          <ZonedDateTime legend={t('schedules.overrides.end')} zone={zone} value={end} onChange={setEnd} />
        </div>
        {startAt && endAt ? (
          <p className="hint" aria-live="polite">
            {t('schedules.overrides.preview', { range: f.range(startAt, endAt) })}
          </p>
        ) : null}
        <ErrorNote error={save.error} />
        <div className="row form-actions">
          <button type="submit" className="button primary" disabled={save.isPending || !okZone}>
            {save.isPending ? t('common.saving') : t('common.create')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
