import { useTranslation } from 'react-i18next';
import { useFormat } from '../../time/useFormat';
import type { Span } from './timeline';

const SHOWN = 3;

/** Future coverage gaps (the server reports none for the past): nobody would be paged then. */
export function GapWarnings({ gaps }: { gaps: Span[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!gaps.length) return null;
  const item = (g: Span) => <li key={g.start}>{f.range(g.start, g.end)}</li>;
  return (
    <div className="warn-note" role="status">
      <strong>{t('schedules.gaps.title')}</strong>
      <ul>{gaps.slice(0, SHOWN).map(item)}</ul>
      {gaps.length > SHOWN ? (
        <details>
          <summary>{t('schedules.gaps.more', { count: gaps.length - SHOWN })}</summary>
          <ul>{gaps.slice(SHOWN).map(item)}</ul>
        </details>
      ) : null}
    </div>
  );
}
