import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch } from '../../api/client';
import { type Schedule, type ScheduleLayer, useCan, useRefreshOnCall } from '../../api/oncall';
import { ErrorNote } from '../../components/ErrorNote';
import { LayerCard } from './LayerCard';
import { LayerDialog } from './LayerDialog';
import { keepLayer } from './layers';
import { MembersDialog } from './MembersDialog';

type Open = { kind: 'add' } | { kind: 'edit'; layer: ScheduleLayer } | { kind: 'members'; layer: ScheduleLayer } | null;

/** The layers, highest first (as they win), with add, edit, reorder, delete and member changes. */
export function LayersSection({ schedule }: { schedule: Schedule }) {
  const { t } = useTranslation();
  const can = useCan();
  const refresh = useRefreshOnCall();
  const [open, setOpen] = useState<Open>(null);
  const replace = useMutation({
    mutationFn: (layers: ScheduleLayer[]) => patch<Schedule>(`/api/v1/schedules/${schedule.id}`, { layers: layers.map(keepLayer) }),
    onSuccess: refresh,
  });
  const layers = schedule.layers;
  const move = (l: ScheduleLayer, by: -1 | 1) => {
    const i = layers.findIndex((x) => x.id === l.id);
    const next = [...layers];
    next.splice(i, 1);
    next.splice(i + by, 0, l);
    replace.mutate(next);
  };
  const remove = (l: ScheduleLayer) => {
    if (window.confirm(t('schedules.layers.confirmDelete', { name: l.name }))) replace.mutate(layers.filter((x) => x.id !== l.id));
  };
  return (
    <section aria-labelledby="layers-title">
      <div className="section-head">
        <h2 id="layers-title">{t('schedules.layers.title')}</h2>
        {can.manage ? (
          <button type="button" className="button" onClick={() => setOpen({ kind: 'add' })}>
            {t('schedules.layers.add')}
          </button>
        ) : null}
      </div>
      <p className="hint">{t('schedules.layers.precedence')}</p>
      <ErrorNote error={replace.error} />
      {[...layers].reverse().map((l) => (
        <LayerCard
          key={l.id}
          layer={l}
          zone={schedule.timeZone}
          count={layers.length}
          actions={
            can.manage
              ? {
                  onMembers: () => setOpen({ kind: 'members', layer: l }),
                  onEdit: () => setOpen({ kind: 'edit', layer: l }),
                  onDelete: () => remove(l),
                  onMove: (by) => move(l, by),
                }
              : null
          }
        />
      ))}
      {open?.kind === 'add' ? <LayerDialog open schedule={schedule} layer={null} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'edit' ? <LayerDialog open schedule={schedule} layer={open.layer} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'members' ? <MembersDialog schedule={schedule} layer={open.layer} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
