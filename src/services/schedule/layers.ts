import type { z } from 'zod';
import type { CreateScheduleLayer } from '../../contracts/schedule.js';
import type { Layer, MemberPeriod } from '../../domain/schedule/types.js';
import { canonicalInstant } from './model.js';

export type LayerInput = z.output<typeof CreateScheduleLayer>;

/** Stands in for a member period's start until the rotation is known to be valid (see withFirstHandoff). */
export const PENDING = '1970-01-01T00:00:00.000Z';

/** A layer as sent → the domain's layer, with the given id and member periods. */
export function layerFromInput(input: LayerInput, id: string, members: MemberPeriod[]): Layer {
  return {
    id,
    name: input.name,
    rotation: { ...input.rotation },
    members,
    restrictions: input.restrictions ?? [],
    ...(input.start !== undefined ? { start: canonicalInstant(input.start) } : {}),
    end: input.end ? canonicalInstant(input.end) : null,
  };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A member change that never rewrites the past: the new list is in force from `from` (or its next
 * handoff); changes scheduled at or after `from` are replaced by it, earlier ones stay.
 */
export function appendMemberPeriod(periods: MemberPeriod[], change: MemberPeriod): MemberPeriod[] {
  const from = Date.parse(change.from);
  const kept = periods.filter((p) => Date.parse(p.from) < from);
  return [...kept, { from: change.from, members: [...change.members], ...(change.effective === 'next_handoff' ? { effective: 'next_handoff' as const } : {}) }];
}

export const membersUnchanged = (current: string[], next: string[]) => sameList(current, next);
