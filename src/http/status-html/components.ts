/**
 * The components in page order, grouped under their group headings (a group is a component row with
 * `isGroup`, its status already the worst of its children), each with its status in words and colour
 * and its 90-day bars. A component marked "only show if degraded" is left out while operational; a
 * group with nothing to show is left out too.
 */
import type { ComponentModel } from '../../domain/status/statuspage-model.js';
import type { UptimeBars } from '../../domain/status/uptime.js';
import { escapeHtml } from '../../notify/render/html.js';
import type { PageLanguage, StatusPageStrings } from './strings.js';
import { toneOf } from './styles.js';
import { uptimeBarsHtml } from './uptime-bars.js';

export interface ComponentsContext {
  s: StatusPageStrings;
  language: PageLanguage;
  uptime: ReadonlyMap<string, UptimeBars>;
}

const byPosition = (a: ComponentModel, b: ComponentModel) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const shown = (c: ComponentModel) => !(c.onlyShowIfDegraded && c.status === 'operational');

function statusHtml(c: ComponentModel, s: StatusPageStrings): string {
  return `<span class="status tone-${toneOf(c.status)}"><span class="dot" aria-hidden="true"></span>${escapeHtml(s.componentStatus[c.status])}</span>`;
}

function componentHtml(ctx: ComponentsContext, c: ComponentModel): string {
  const bars = ctx.uptime.get(c.id);
  return (
    `<li class="component"><div class="row"><span class="name">${escapeHtml(c.name)}</span>${statusHtml(c, ctx.s)}</div>` +
    (c.description ? `<p class="component-description">${escapeHtml(c.description)}</p>` : '') +
    (bars && bars.days.length > 0 ? uptimeBarsHtml(bars, ctx.s, ctx.language) : '') +
    `</li>`
  );
}

/** The components list, or '' when the page has none to show. */
export function componentsHtml(ctx: ComponentsContext, components: readonly ComponentModel[]): string {
  const groupIds = new Set(components.filter((c) => c.isGroup).map((c) => c.id));
  // a component whose group is missing is shown at the top level rather than lost
  const top = components.filter((c) => c.isGroup || c.groupId === null || !groupIds.has(c.groupId)).sort(byPosition);
  const items = top.flatMap((c) => {
    if (!c.isGroup) return shown(c) ? [componentHtml(ctx, c)] : [];
    const children = components.filter((x) => !x.isGroup && x.groupId === c.id && shown(x)).sort(byPosition);
    if (children.length === 0) return [];
    return [
      `<li class="group"><div class="group-head"><h3>${escapeHtml(c.name)}</h3>${statusHtml(c, ctx.s)}</div>` +
        (c.description ? `<p class="component-description group-description">${escapeHtml(c.description)}</p>` : '') +
        `<ul class="components">${children.map((x) => componentHtml(ctx, x)).join('')}</ul></li>`,
    ];
  });
  return items.length === 0 ? '' : `<ul class="components card">${items.join('')}</ul>`;
}
