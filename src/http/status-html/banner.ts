/**
 * The overall status at the top of the page, from the page's rollup (page-status.ts) and what is
 * open. The rule that matters most: while an incident is unresolved the banner says so ("Degraded —
 * incident in progress", or the outage the components show), even when every component reads
 * operational — people come to the page because something is wrong, and a green banner over an
 * open incident tells them it is not. A running maintenance is named alongside an incident, never
 * hidden by it (edge case 44).
 */
import type { PageIndicator } from '../../domain/status/types.js';
import { escapeHtml } from '../../notify/render/html.js';
import type { BannerKind, StatusPageStrings } from './strings.js';

export interface BannerInput {
  indicator: PageIndicator;
  openIncidents: number;
  maintenanceRunning: boolean;
}

export function bannerKind(input: BannerInput): BannerKind {
  switch (input.indicator) {
    case 'critical':
      return 'critical';
    case 'major':
      return 'major';
    case 'minor':
      return input.openIncidents > 0 ? 'incident' : 'degraded';
    default:
      // `none`/`maintenance` with an open incident cannot come from pageStatus; say it anyway
      if (input.openIncidents > 0) return 'incident';
      return input.indicator === 'maintenance' || input.maintenanceRunning ? 'maintenance' : 'operational';
  }
}

/** HTML: `asOf` is a `<time>` element. */
export function bannerHtml(input: BannerInput, s: StatusPageStrings, asOf: string): string {
  const kind = bannerKind(input);
  const details: string[] = [];
  if (input.openIncidents > 0) details.push(s.incidentsInProgress(input.openIncidents));
  if (input.maintenanceRunning && kind !== 'maintenance') details.push(s.maintenanceInProgress);
  return (
    `<div class="banner banner-${kind}" role="status">` +
    `<p class="banner-text">${escapeHtml(s.banner[kind])}</p>` +
    details.map((d) => `<p class="banner-detail">${escapeHtml(d)}</p>`).join('') +
    `</div><p class="asof">${s.asOf(asOf)}</p>`
  );
}
