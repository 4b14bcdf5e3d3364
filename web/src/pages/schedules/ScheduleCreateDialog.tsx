import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { post } from '../../api/client';
import { type CreateSchedule, type Rotation, type Schedule, useRefreshOnCall, useUsers } from '../../api/oncall';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useFormat } from '../../time/useFormat';
import { defaultRotation } from './LayerDialog';
import { MemberPicker } from './MemberPicker';
import { RotationFields } from './RotationFields';
import { type ScheduleDraft, ScheduleFields } from './ScheduleFields';
import { isZone } from './zoned';
import { FormActions } from '../../components/FormActions';

/** A new schedule with its first layer (a schedule always has at least one); opens it when created. */
export function ScheduleCreateDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const users = useUsers();
  const refresh = useRefreshOnCall();
  const [draft, setDraft] = useState<ScheduleDraft>({ name: '', timeZone: f.zone, description: '' });
  const [layerName, setLayerName] = useState(() => t('schedules.layers.defaultName', { n: 1 }));
  const [members, setMembers] = useState<string[]>([]);
  const [rotation, setRotation] = useState<Rotation>(() => defaultRotation(f.zone));
  const save = useMutation({
    mutationFn: () => {
      const body: CreateSchedule = { ...draft, layers: [{ name: layerName, members, rotation }] };
      return post<Schedule>('/api/v1/schedules', body);
    },
    onSuccess: async (s) => {
      await refresh();
      onClose();
      void navigate(`/schedules/${s.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const zone = isZone(draft.timeZone) ? draft.timeZone : 'UTC';
  return (
    <Dialog open onClose={onClose} title={t('schedules.create.title')}>
      <form onSubmit={submit}>
        <ScheduleFields value={draft} onChange={setDraft} />
        <h3>{t('schedules.create.firstLayer')}</h3>
        <p className="hint">{t('schedules.create.firstLayerHint')}</p>
        <Field label={t('schedules.layers.name')}>{(id) => <input id={id} required value={layerName} onChange={(e) => setLayerName(e.target.value)} />}</Field>
        <MemberPicker legend={t('schedules.members.legend')} value={members} onChange={setMembers} users={users.data ?? []} names={new Map()} />
        <RotationFields value={rotation} onChange={setRotation} zone={zone} />
        <FormActions pending={save.isPending} label={t('common.create')} onCancel={onClose} error={save.error} />
      </form>
    </Dialog>
  );
}
