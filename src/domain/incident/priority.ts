import type { Level, Priority, Severity } from './types.js';

/**
 * Priority = f(impact, urgency), ITIL style. `matrix[impact-1][urgency-1]`; configurable per
 * installation (setting `priority_matrix`).
 */
export type PriorityMatrix = [[Priority, Priority, Priority], [Priority, Priority, Priority], [Priority, Priority, Priority]];

export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = [
  ['P1', 'P2', 'P3'],
  ['P2', 'P3', 'P4'],
  ['P3', 'P4', 'P5'],
];

export function priorityOf(matrix: PriorityMatrix, impact: Level, urgency: Level): Priority {
  return matrix[impact - 1]![urgency - 1]!;
}

/**
 * Severity for an incident declared without one: derived from its priority (P1 → SEV1, P2 → SEV2,
 * P3 → SEV3, P4/P5 → SEV4). People can always set it explicitly.
 */
export function defaultSeverity(priority: Priority): Severity {
  switch (priority) {
    case 'P1':
      return 'SEV1';
    case 'P2':
      return 'SEV2';
    case 'P3':
      return 'SEV3';
    default:
      return 'SEV4';
  }
}

/**
 * Impact from the impact assessment when none is given: all customers → 1, some (or a count) → 2,
 * none → 3; unknown → 2 (assume the middle until someone knows).
 */
export function impactFromAssessment(customersAffected: string | undefined): Level {
  if (customersAffected === 'all') return 1;
  if (customersAffected === 'none') return 3;
  return 2;
}
