import { MAX_RANGE_DAYS } from '../../contracts/schedule.js';
import { validation } from '../../domain/errors.js';
import { canonicalInstant } from './model.js';

const DAY = 86_400_000;

export interface Range {
  from: string;
  to: string;
}

/**
 * The range of a shifts/gaps/overrides request: from defaults to now, to to `defaultDays` after from;
 * to must be after from and at most MAX_RANGE_DAYS after it (a 400 naming `to` otherwise), so one
 * request's cost stays bounded.
 */
export function parseRange(q: { from?: string; to?: string }, now: string, defaultDays = 14): Range {
  const from = canonicalInstant(q.from ?? now);
  const to = q.to ? canonicalInstant(q.to) : new Date(Date.parse(from) + defaultDays * DAY).toISOString();
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 0) throw validation('to', `must be after from (${from})`);
  if (span > MAX_RANGE_DAYS * DAY) {
    throw validation('to', `the range from ${from} to ${to} is ${Math.ceil(span / DAY)} days; ask for at most ${MAX_RANGE_DAYS} days at a time`);
  }
  return { from, to };
}
