/**
 * A component's 90-day bars (domain/status/uptime.ts), drawn with CSS only: one list item per local
 * day, oldest first, coloured by the worst status seen that day. A day with nothing counted (no data,
 * or maintenance only) says so and never shows a percentage, so no data never reads as 100 %. Each
 * bar holds its date and figure as text: read by screen readers, shown as a tooltip on hover by the
 * stylesheet (no script, and once per bar rather than again in a `title`, since a page with many
 * components has thousands of bars). On narrow screens only the last 30 days are shown (the
 * period's figure still covers all of them).
 */
import type { UptimeBars, UptimeDay } from '../../domain/status/uptime.js';
import { escapeHtml } from '../../notify/render/html.js';
import { showDay, showPercent } from './format.js';
import type { PageLanguage, StatusPageStrings } from './strings.js';
import { toneOf } from './styles.js';

/** Days shown on a phone. */
export const NARROW_DAYS = 30;

/** What one day's bar says: `Sun, Nov 22, 2026: 99.95% — Partial outage`. */
export function dayText(day: UptimeDay, s: StatusPageStrings, language: PageLanguage): string {
  const date = showDay(day.date, language);
  const label = date + s.labelSeparator;
  if (day.uptime === null) return label + (day.worst === 'under_maintenance' ? s.maintenanceNotCounted : s.noData);
  const figure = showPercent(day.uptime);
  return day.worst === 'operational' || day.worst === 'no_data' ? label + figure : label + s.figureWithStatus(figure, s.componentStatus[day.worst]);
}

export function uptimeBarsHtml(bars: UptimeBars, s: StatusPageStrings, language: PageLanguage): string {
  const count = bars.days.length;
  const items = bars.days.map((day, i) => {
    const older = count - i > NARROW_DAYS ? ' older' : '';
    return `<li class="tone-${toneOf(day.worst)}${older}"><span>${escapeHtml(dayText(day, s, language))}</span></li>`;
  });
  const figure = bars.uptime === null ? s.uptimeNoData : s.uptimePercent(showPercent(bars.uptime));
  const ago = escapeHtml(s.daysAgo(count));
  const scaleStart = count > NARROW_DAYS ? `<span class="ago-wide">${ago}</span><span class="ago-narrow">${escapeHtml(s.daysAgo(NARROW_DAYS))}</span>` : ago;
  return (
    `<div class="uptime"><ol class="bars" aria-label="${escapeHtml(s.uptimeBarsLabel(count))}">${items.join('')}</ol>` +
    `<div class="uptime-scale" aria-hidden="true"><span>${scaleStart}</span>` +
    `<span class="uptime-figure">${escapeHtml(figure)}</span><span>${escapeHtml(s.today)}</span></div>` +
    // the figure again for screen readers, since the scale is hidden from them
    `<p class="vh">${escapeHtml(s.uptimeBarsLabel(count) + s.labelSeparator + figure)}</p></div>`
  );
}
