import { useQueries } from '@tanstack/react-query';
import { type CSSProperties, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { layerShiftsQuery, type Schedule, useGaps, useShifts } from '../../api/oncall';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';
import { useFormat } from '../../time/useFormat';
import { GapWarnings } from './GapWarnings';
import { TimelineChart, type TimelineRowData } from './TimelineChart';
import { huesFor } from './timeline';
import { addDays, toInstant, toLocal } from './zoned';

const LENGTHS = [1, 7, 14, 28, 90] as const;

/** The final schedule and each layer over a chosen range (default: today and the next 13 days). */
export function TimelineSection({ schedule }: { schedule: Schedule }) {
  const { t } = useTranslation();
  const f = useFormat();
  const today = toLocal(new Date(), f.zone).date;
  const [start, setStart] = useState(today);
  const [days, setDays] = useState<number>(14);
  const fromDate = /^\d{4}-\d{2}-\d{2}$/.test(start) ? start : today;
  const range = useMemo(() => {
    const from = toInstant({ date: fromDate, time: '00:00' }, f.zone) ?? new Date();
    const to = toInstant({ date: addDays(fromDate, days), time: '00:00' }, f.zone) ?? new Date(from.getTime() + days * 86_400_000);
    return { from: from.toISOString(), to: to.toISOString() };
  }, [fromDate, days, f.zone]);
  const final = useShifts(schedule.id, range);
  const gaps = useGaps(schedule.id, range);
  const layerShifts = useQueries({ queries: schedule.layers.map((l) => layerShiftsQuery(schedule.id, l.id, range)) });

  const note = (q: { isPending: boolean; isError: boolean }) => (q.isPending ? t('common.loading') : q.isError ? t('schedules.timeline.failed') : undefined);
  const rows: TimelineRowData[] = [
    { id: 'final', label: t('schedules.timeline.final'), shifts: final.data?.items ?? [], gaps: gaps.data?.items ?? [], note: note(final) },
    ...schedule.layers
      .map((l, i) => ({ l, q: layerShifts[i] }))
      .reverse()
      .map(({ l, q }) => ({ id: l.id, label: l.name, shifts: q?.data?.items ?? [], note: q ? note(q) : undefined })),
  ];
  const hues = huesFor(rows.flatMap((r) => r.shifts.map((s) => s.userId)));
  const people = [...new Map(rows.flatMap((r) => r.shifts.map((s) => [s.userId, s.userName] as const))).entries()];

  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('schedules.timeline.title')}</h2>
      <div className="row tl-controls">
        <Field label={t('schedules.timeline.from')}>{(id) => <input id={id} type="date" value={start} onChange={(e) => setStart(e.target.value)} />}</Field>
        <Field label={t('schedules.timeline.length')}>
          {(id) => (
            <select id={id} value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {LENGTHS.map((n) => (
                <option key={n} value={n}>
                  {n === 1 ? t('schedules.timeline.oneDay') : t('schedules.timeline.days', { count: n })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="button" className="button" onClick={() => setStart(today)}>
          {t('schedules.timeline.today')}
        </button>
      </div>
      <p className="zone-note">{t('schedules.timeline.showing', { range: f.range(range.from, range.to), zone: f.zoneLabel() })}</p>
      <GapWarnings gaps={gaps.data?.items ?? []} />
      <ErrorNote error={final.error ?? gaps.error} />
      <TimelineChart from={Date.parse(range.from)} to={Date.parse(range.to)} fromDate={fromDate} days={days} rows={rows} hues={hues} />
      <ul className="tl-legend" aria-label={t('schedules.timeline.legend')}>
        {people.map(([id, name]) => (
          <li key={id}>
            <span className="tl-swatch" style={{ '--h': hues.get(id) ?? 0 } as CSSProperties} aria-hidden="true" />
            {name ?? t('schedules.members.unknown')}
          </li>
        ))}
        <li>
          <span className="tl-swatch override" aria-hidden="true" />
          {t('schedules.timeline.overrideLegend')}
        </li>
        <li>
          <span className="tl-swatch gap" aria-hidden="true" />
          {t('schedules.timeline.gapLegend')}
        </li>
      </ul>
    </section>
  );
}
