import { useTranslation } from 'react-i18next';
import type { ScheduleLayer } from '../../api/oncall';
import { useFormat } from '../../time/useFormat';
import { restrictionText } from './layers';

export interface LayerActions {
  onMembers(): void;
  onEdit(): void;
  onDelete(): void;
  onMove(by: -1 | 1): void;
}

/** One layer in words: members in rotation order, rotation, handoff, windows, scheduled member changes. */
export function LayerCard({ layer, zone, count, actions }: { layer: ScheduleLayer; zone: string; count: number; actions: LayerActions | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = Date.now();
  const upcoming = layer.memberHistory.filter((p) => Date.parse(p.from) > now);
  const r = layer.rotation;
  const day = (d: string) => t(`schedules.days.${d as 'mon'}`);
  return (
    <section className="card layer-card" aria-labelledby={`layer-${layer.id}`}>
      <header className="layer-head">
        <h3 id={`layer-${layer.id}`}>
          {layer.name} <span className="badge">{t('schedules.layers.position', { n: layer.position })}</span>
        </h3>
        {actions ? (
          <div className="row">
            <button type="button" className="button small" onClick={actions.onMembers}>
              {t('schedules.members.change')}
            </button>
            <button type="button" className="button small" onClick={actions.onEdit}>
              {t('common.edit')}
            </button>
            {count > 1 ? (
              <>
                <button type="button" className="button small" disabled={layer.position === count} onClick={() => actions.onMove(1)}>
                  {t('schedules.layers.higher')}
                </button>
                <button type="button" className="button small" disabled={layer.position === 1} onClick={() => actions.onMove(-1)}>
                  {t('schedules.layers.lower')}
                </button>
                <button type="button" className="button small danger" onClick={actions.onDelete}>
                  {t('common.delete')}
                </button>
              </>
            ) : null}
          </div>
        ) : null}
      </header>
      <dl className="facts">
        <dt>{t('schedules.members.legend')}</dt>
        <dd>
          <ol className="inline-list">
            {layer.members.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a person may be listed twice
              <li key={`${m.id}-${i}`}>{m.name ?? t('schedules.members.unknown')}</li>
            ))}
          </ol>
        </dd>
        <dt>{t('schedules.rotation.legend')}</dt>
        <dd>{t('schedules.rotation.every', { length: t(`schedules.rotation.count.${r.unit}`, { count: r.length }) })}</dd>
        <dt>{t('schedules.rotation.handoffTime')}</dt>
        <dd>
          {r.handoffTime} <span className="muted">({zone})</span>
        </dd>
        <dt>{t('schedules.rotation.startDate')}</dt>
        <dd>{r.startDate}</dd>
        <dt>{t('schedules.restrictions.legend')}</dt>
        <dd>{layer.restrictions.length ? layer.restrictions.map((x) => restrictionText(x, day)).join(', ') : t('schedules.restrictions.always')}</dd>
        {layer.start ? (
          <>
            <dt>{t('schedules.layers.start')}</dt>
            <dd>{f.dateTime(layer.start)}</dd>
          </>
        ) : null}
        {layer.end ? (
          <>
            <dt>{t('schedules.layers.endAt')}</dt>
            <dd>{f.dateTime(layer.end)}</dd>
          </>
        ) : null}
      </dl>
      {upcoming.length ? (
        <div className="upcoming">
          <h4>{t('schedules.members.scheduled')}</h4>
          <ul>
            {upcoming.map((p) => (
              <li key={p.from}>
                {t(p.effective === 'next_handoff' ? 'schedules.members.fromNextHandoff' : 'schedules.members.fromAt', { when: f.dateTime(p.from) })}{' '}
                {p.members.map((m) => m.name ?? t('schedules.members.unknown')).join(', ')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
