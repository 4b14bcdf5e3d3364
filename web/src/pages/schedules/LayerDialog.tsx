import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch } from '../../api/client';
import { type Restriction, type Rotation, type Schedule, type ScheduleLayer, useRefreshOnCall, useUsers } from '../../api/oncall';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { keepLayer, namesOf } from './layers';
import { MemberPicker } from './MemberPicker';
import { RestrictionsEditor } from './RestrictionsEditor';
import { RotationFields } from './RotationFields';
import { ZonedDateTime } from './ZonedDateTime';
import { type Local, toInstant, toLocal } from './zoned';
import { FormActions } from '../../components/FormActions';

/** A new layer's starting point: a weekly 09:00 rotation from today in the schedule's zone. */
export function defaultRotation(zone: string): Rotation {
  return { unit: 'week', length: 1, handoffTime: '09:00', startDate: toLocal(new Date(), zone).date };
}

/**
 * Add a layer (on top: later layers are higher) or edit one. The whole layer list is sent, the others
 * unchanged with their ids; an edited layer's members are changed in MembersDialog instead, which
 * chooses when the change applies.
 */
export function LayerDialog({ schedule, layer, open, onClose }: { schedule: Schedule; layer: ScheduleLayer | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const zone = schedule.timeZone;
  const users = useUsers();
  const refresh = useRefreshOnCall();
  const [name, setName] = useState(layer?.name ?? t('schedules.layers.defaultName', { n: schedule.layers.length + 1 }));
  const [members, setMembers] = useState<string[]>([]);
  const [rotation, setRotation] = useState<Rotation>(layer?.rotation ?? defaultRotation(zone));
  const [restrictions, setRestrictions] = useState<Restriction[]>(layer?.restrictions ?? []);
  const [ends, setEnds] = useState(Boolean(layer?.end));
  const [end, setEnd] = useState<Local>(layer?.end ? toLocal(layer.end, zone) : { date: '', time: '09:00' });
  const save = useMutation({
    mutationFn: () => {
      const endAt = ends ? (toInstant(end, zone)?.toISOString() ?? null) : null;
      const fields = { name, rotation, restrictions, end: endAt };
      const layers = layer
        ? schedule.layers.map((l) => (l.id === layer.id ? { ...keepLayer(l), ...fields } : keepLayer(l)))
        : [...schedule.layers.map(keepLayer), { ...fields, members }];
      return patch<Schedule>(`/api/v1/schedules/${schedule.id}`, { layers });
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
  return (
    <Dialog open={open} onClose={onClose} title={layer ? t('schedules.layers.editTitle', { name: layer.name }) : t('schedules.layers.addTitle')}>
      <form onSubmit={submit}>
        <Field label={t('schedules.layers.name')}>{(id) => <input id={id} required value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        {layer ? null : (
          <MemberPicker legend={t('schedules.members.legend')} value={members} onChange={setMembers} users={users.data ?? []} names={namesOf(schedule.layers)} />
        )}
        <RotationFields value={rotation} onChange={setRotation} zone={zone} />
        <RestrictionsEditor value={restrictions} onChange={setRestrictions} zone={zone} />
        <div className="field checkbox-field">
          <label>
            <input type="checkbox" checked={ends} onChange={(e) => setEnds(e.target.checked)} /> {t('schedules.layers.ends')}
          </label>
        </div>
        {ends ? <ZonedDateTime legend={t('schedules.layers.endAt')} zone={zone} value={end} onChange={setEnd} /> : null}
        <FormActions pending={save.isPending} label={t('common.save')} onCancel={onClose} error={save.error} />
      </form>
    </Dialog>
  );
}
