import type { Selectable } from 'kysely';
import { DomainError } from '../../domain/errors.js';
import { prepareWindow, type Recurrence, type WindowInput, type WindowTiming } from '../../domain/ingest/maintenance.js';
import type { MaintenanceWindowTable } from '../../store/schema.js';

/** Check a window's times as sent (meaning, beyond the contract's shape): a 400 naming the field. */
export function checkTiming(input: WindowInput): WindowTiming {
  const r = prepareWindow(input);
  if (r.ok) return r.timing;
  throw new DomainError('VALIDATION', r.problems.map((p) => `${p.field}: ${p.message}`).join('; '), { fields: r.problems });
}

/** The stored row's times, as the domain reasons about them. */
export function timingOf(row: Pick<Selectable<MaintenanceWindowTable>, 'timeZone' | 'startsAt' | 'endsAt' | 'recurrence'>): WindowTiming {
  return {
    timeZone: row.timeZone,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    recurrence: row.recurrence ? (JSON.parse(row.recurrence) as Recurrence) : null,
  };
}

/** Columns for a checked timing. */
export function timingColumns(t: WindowTiming) {
  return { timeZone: t.timeZone, startsAt: t.startsAt, endsAt: t.endsAt, recurrence: t.recurrence ? JSON.stringify(t.recurrence) : null };
}
