import type { Shift } from '../../domain/schedule/types.js';
import type { ServiceContext } from '../context.js';
import { icsInstant } from './ical.js';
import type { LayerRow } from './model.js';
import type { Range } from './range.js';

const DAY = 86_400_000;

/** What a feed request needs: no actor (the signed token is the authorization). */
export type FeedContext = Pick<ServiceContext, 'store' | 'clock' | 'secret'>;

/** A feed covers 60 days back and 180 days ahead of now. */
export function feedRange(now: string): Range {
  const t = Date.parse(now);
  return { from: new Date(t - 60 * DAY).toISOString(), to: new Date(t + 180 * DAY).toISOString() };
}

/** Stable across fetches: the same shift keeps its UID, so calendar apps update it in place. */
export const shiftUid = (scheduleId: string, s: Shift) => `${scheduleId}-${s.userId}-${icsInstant(s.start)}@hikeshi`;

/** Where a shift comes from, for the event's description. */
export function shiftSource(s: Shift, layers: LayerRow[]): string {
  if (s.overrideId) return 'override';
  const layer = layers.find((l) => l.id === s.layerId);
  return layer ? `layer ${layer.name}` : 'layer';
}
