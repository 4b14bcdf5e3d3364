import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shift } from '../../api/oncall';
import { useFormat } from '../../time/useFormat';
import { dayTicks, place, pxPerDay, type Span } from './timeline';

export interface TimelineRowData {
  id: string;
  label: string;
  shifts: Shift[];
  gaps?: Span[];
  /** Still loading or failed: the row says so instead of looking empty. */
  note?: string;
}

type Item = (Shift & { kind: 'shift' }) | (Span & { kind: 'gap' });

const dayLabel = (lang: string, zone: string) =>
  new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: zone, weekday: 'short', month: 'numeric', day: 'numeric' });

/**
 * Rows of blocks positioned by time: each block is coloured per person and names them in text (never
 * colour alone), an override has a dashed border, a gap is striped and says so. Day lines are the
 * viewer's local midnights; a red line marks now. Wide ranges scroll inside the chart, not the page.
 */
export function TimelineChart({ from, to, fromDate, days, rows, hues }: { from: number; to: number; fromDate: string; days: number; rows: TimelineRowData[]; hues: Map<string, number> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const ticks = dayTicks(fromDate, days, f.zone, from, to);
  const labels = dayLabel(f.lang, f.zone);
  const every = days > 31 ? 7 : 1;
  const now = Date.now();
  const nowAt = now >= from && now < to ? (now - from) / (to - from) : null;
  const pct = (x: number) => `${(x * 100).toFixed(4)}%`;
  return (
    <div className="tl-scroll">
      <div className="tl" style={{ '--tl-min': `calc(var(--tl-label) + ${days * pxPerDay(days)}px)` } as CSSProperties}>
        <div className="tl-row tl-axis" aria-hidden="true">
          <div className="tl-label" />
          <div className="tl-track">
            {ticks.map((d, i) =>
              i % every === 0 ? (
                <span key={d.date} className="tl-daylabel" style={{ left: pct(d.left) }}>
                  {labels.format(new Date(d.at))}
                </span>
              ) : null,
            )}
          </div>
        </div>
        {rows.map((row) => {
          const items: Item[] = [...row.shifts.map((s) => ({ ...s, kind: 'shift' as const })), ...(row.gaps ?? []).map((g) => ({ ...g, kind: 'gap' as const }))];
          const { blocks, lanes } = place(items, from, to);
          return (
            <div className="tl-row" key={row.id}>
              <div className="tl-label" id={`tl-${row.id}`}>
                {row.label}
              </div>
              <ul className="tl-track" aria-labelledby={`tl-${row.id}`} style={{ height: `calc(${lanes} * 1.9rem + .5rem)` }}>
                {ticks.map((d) => (
                  <li key={d.date} className="tl-day" style={{ left: pct(d.left) }} aria-hidden="true" />
                ))}
                {row.note ? <li className="tl-note">{row.note}</li> : null}
                {blocks.map(({ item, left, width, lane }) => {
                  const when = f.range(item.start, item.end);
                  const gap = item.kind === 'gap';
                  const name = gap ? t('schedules.timeline.gap') : (item.userName ?? t('schedules.members.unknown'));
                  const override = !gap && Boolean(item.overrideId);
                  const style = { left: pct(left), width: pct(width), '--lane': lane, '--h': gap ? 0 : (hues.get(item.userId) ?? 0) } as CSSProperties;
                  const label = `${name}${override ? ` (${t('schedules.timeline.override')})` : ''}, ${when}`;
                  return (
                    <li key={`${item.start}-${gap ? 'gap' : item.userId}-${lane}`} className={`tl-block${gap ? ' gap' : ''}${override ? ' override' : ''}`} style={style} title={label}>
                      <span aria-hidden="true">{name}</span>
                      <span className="sr-only">{label}</span>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
        {nowAt !== null ? (
          <div className="tl-now" style={{ '--p': nowAt } as CSSProperties}>
            <span className="sr-only">{t('common.time.now')}</span>
          </div>
        ) : null}
      </div>
    </div>
  );
}
