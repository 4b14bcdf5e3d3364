import { canonicalTimeZone } from '../access/credentials.js';
import type { FieldProblem } from '../errors.js';
import { parseDay, parseTime } from '../time/zone.js';
import { handoffAt, rotationPlan } from './rotation.js';
import { type Layer, MAX_ROTATION_LENGTH, type Override, type Restriction, ROTATION_UNITS, type Schedule, WEEKDAYS } from './types.js';

/**
 * What a schedule must satisfy before its maths means anything (the transport schema checks shape;
 * this checks meaning). Every problem names its field by JSON path (`layers.1.rotation.handoffTime`,
 * the form FieldProblem and the HTTP layer's schema errors use) and says how to fix it.
 */
type Report = (field: string, message: string) => void;

const isInstant = (s: unknown): s is string => typeof s === 'string' && !Number.isNaN(Date.parse(s));
const HHMM = 'must be a local time HH:MM (24 h), such as 09:00';

const rotationIsSound = (layer: Layer) =>
  ROTATION_UNITS.includes(layer.rotation?.unit) &&
  Number.isInteger(layer.rotation.length) &&
  layer.rotation.length >= 1 &&
  layer.rotation.length <= MAX_ROTATION_LENGTH &&
  parseTime(layer.rotation.handoffTime) !== null &&
  parseDay(layer.rotation.startDate) !== null;

function checkRotation(layer: Layer, path: string, report: Report): void {
  const r = layer.rotation;
  if (!r || typeof r !== 'object') {
    report(`${path}.rotation`, 'give the rotation: unit, length, handoffTime and startDate');
    return;
  }
  if (!ROTATION_UNITS.includes(r.unit)) report(`${path}.rotation.unit`, `must be one of ${ROTATION_UNITS.join(', ')}`);
  if (!Number.isInteger(r.length) || r.length < 1) report(`${path}.rotation.length`, 'must be a whole number of units per shift, 1 or more');
  else if (r.length > MAX_ROTATION_LENGTH) report(`${path}.rotation.length`, `must be at most ${MAX_ROTATION_LENGTH} units per shift; use a larger unit`);
  if (typeof r.handoffTime !== 'string' || parseTime(r.handoffTime) === null) report(`${path}.rotation.handoffTime`, HHMM);
  if (typeof r.startDate !== 'string' || parseDay(r.startDate) === null) report(`${path}.rotation.startDate`, 'must be a date YYYY-MM-DD, such as 2026-03-02');
}

function checkMembers(layer: Layer, path: string, report: Report): void {
  if (!Array.isArray(layer.members) || !layer.members.length) {
    report(`${path}.members`, 'add at least one member list: [{ from, members: [userId, …] }]');
    return;
  }
  layer.members.forEach((p, j) => {
    const at = `${path}.members.${j}`;
    if (!isInstant(p.from)) report(`${at}.from`, 'must be an ISO-8601 instant, such as 2026-03-02T09:00:00Z');
    if (!Array.isArray(p.members) || !p.members.length) report(`${at}.members`, 'must name at least one user; end the layer (layers.N.end) to leave it empty');
    else if (p.members.some((m) => typeof m !== 'string' || !m)) report(`${at}.members`, 'every member must be a user id');
    if (p.effective !== undefined && p.effective !== 'at' && p.effective !== 'next_handoff') {
      report(`${at}.effective`, 'must be "at" (from `from` itself) or "next_handoff"');
    }
  });
}

function checkRestriction(r: Restriction, at: string, report: Report): void {
  const start = typeof r.start === 'string' ? parseTime(r.start) : null;
  const end = typeof r.end === 'string' ? parseTime(r.end) : null;
  if (start === null) report(`${at}.start`, HHMM);
  if (end === null) report(`${at}.end`, HHMM);
  if (r.kind === 'daily') {
    if (start !== null && start === end) report(`${at}.end`, 'the window has zero length; an end equal to the start is not a whole day (remove the restriction to be always active)');
  } else if (r.kind === 'weekly') {
    if (!WEEKDAYS.includes(r.startDay)) report(`${at}.startDay`, `must be one of ${WEEKDAYS.join(', ')}`);
    if (!WEEKDAYS.includes(r.endDay)) report(`${at}.endDay`, `must be one of ${WEEKDAYS.join(', ')}`);
    if (start !== null && start === end && r.startDay === r.endDay) {
      report(`${at}.end`, 'the window has zero length; an end equal to the start is not a whole week (remove the restriction to be always active)');
    }
  } else {
    report(`${at}.kind`, 'must be "daily" or "weekly"');
  }
}

function checkLayer(layer: Layer, i: number, zone: string | null, report: Report): void {
  const path = `layers.${i}`;
  if (typeof layer.id !== 'string' || !layer.id) report(`${path}.id`, 'every layer needs an id');
  checkRotation(layer, path, report);
  checkMembers(layer, path, report);
  const start = layer.start === undefined ? null : layer.start;
  const end = layer.end ?? null;
  if (start !== null && !isInstant(start)) report(`${path}.start`, 'must be an ISO-8601 instant, or left out to start at the first handoff');
  if (end !== null && !isInstant(end)) report(`${path}.end`, 'must be an ISO-8601 instant, or null for a layer that never ends');
  if (isInstant(start) && isInstant(end) && Date.parse(end) <= Date.parse(start)) {
    report(`${path}.end`, `must be after the layer's start (${start}); a layer cannot end before it starts`);
  } else if (start === null && isInstant(end) && zone && rotationIsSound(layer)) {
    const first = handoffAt(rotationPlan(zone, layer.rotation), 0);
    if (Date.parse(end) <= first) report(`${path}.end`, `must be after the layer's first handoff (${new Date(first).toISOString()}); a layer cannot end before it starts`);
  }
  const restrictions = Array.isArray(layer.restrictions) ? layer.restrictions : [];
  restrictions.forEach((r, k) => {
    checkRestriction(r, `${path}.restrictions.${k}`, report);
  });
}

function checkOverrides(overrides: Override[], report: Report): void {
  const adds = new Map<string, { i: number; o: Override; start: number; end: number }[]>();
  const ids = new Map<string, number>();
  overrides.forEach((o, i) => {
    const path = `overrides.${i}`;
    const first = ids.get(o.id);
    if (first !== undefined) report(`${path}.id`, `override id "${o.id}" is already used by overrides.${first}; ids must be unique`);
    else ids.set(o.id, i);
    const okStart = isInstant(o.start);
    const okEnd = isInstant(o.end);
    if (!okStart) report(`${path}.start`, 'must be an ISO-8601 instant');
    if (!okEnd) report(`${path}.end`, 'must be an ISO-8601 instant');
    if (okStart && okEnd && Date.parse(o.end) <= Date.parse(o.start)) report(`${path}.end`, 'must be after start');
    if (o.userId === null && o.replacesUserId === null) {
      report(path, 'give userId (add someone), replacesUserId (remove someone) or both (replace someone)');
    } else if (o.userId !== null && o.userId === o.replacesUserId) {
      report(`${path}.userId`, 'a person cannot replace themselves; choose someone else, or leave replacesUserId out to add them');
    }
    if (o.userId !== null && o.replacesUserId === null && okStart && okEnd) {
      const list = adds.get(o.userId) ?? [];
      list.push({ i, o, start: Date.parse(o.start), end: Date.parse(o.end) });
      adds.set(o.userId, list);
    }
  });
  for (const list of adds.values()) {
    list.sort((a, b) => a.start - b.start || a.i - b.i);
    for (let j = 1; j < list.length; j++) {
      const prev = list[j - 1]!;
      const cur = list[j]!;
      if (cur.start < prev.end) {
        report(`overrides.${cur.i}`, `overlaps override ${prev.o.id} (overrides.${prev.i}), which already adds ${cur.o.userId} from ${prev.o.start} to ${prev.o.end}; merge them into one or make them not overlap`);
      }
    }
  }
}

/** The problems of a schedule, [] when it can be rendered. */
export function validateSchedule(input: Schedule): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const report: Report = (field, message) => {
    problems.push({ field, message });
  };
  const zone = typeof input.timeZone === 'string' ? canonicalTimeZone(input.timeZone) : null;
  if (zone === null) {
    report('timeZone', `unknown time zone "${String(input.timeZone)}"; use an IANA name such as Europe/Paris or America/Chicago`);
  }
  const layers = Array.isArray(input.layers) ? input.layers : [];
  if (!layers.length) report('layers', 'add at least one layer');
  const ids = new Map<string, number>();
  layers.forEach((layer, i) => {
    checkLayer(layer, i, zone, report);
    const first = ids.get(layer.id);
    if (first !== undefined) report(`layers.${i}.id`, `layer id "${layer.id}" is already used by layers.${first}; ids must be unique`);
    else ids.set(layer.id, i);
  });
  checkOverrides(Array.isArray(input.overrides) ? input.overrides : [], report);
  return problems;
}
