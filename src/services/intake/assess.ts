import type { z } from 'zod';
import { type CreateIntakeReportBody, SECURITY_QUESTIONS, type SecurityQuestion } from '../../contracts/intake.js';
import type { Level } from '../../domain/incident/types.js';

export type IntakeAnswers = z.output<typeof CreateIntakeReportBody>;

/** The security questions answered "yes" ("unsure" is shown to triage but does not flag). */
export function securityConcerns(a: Pick<IntakeAnswers, 'security'>): SecurityQuestion[] {
  return SECURITY_QUESTIONS.filter((q) => a.security[q] === 'yes');
}

/**
 * First triage of a report, before a person looks at it (they change it with PATCH):
 * impact from how many are affected (SPEC §4.2's 1–3, 1 highest); urgency low (3) for an ordinary
 * report, so it does not wake anyone at night, and high (2) when a security question was answered
 * yes, because a compromise gets worse while it waits.
 */
export function initialTriage(a: IntakeAnswers): { impact: Level; urgency: Level; assessment: { scope: 'internal' | 'external'; securityImpact?: true } } {
  const impact: Level = a.affected.who === 'everyone' || a.affected.who === 'customers' ? 1 : a.affected.who === 'several_teams' ? 2 : 3;
  const flagged = securityConcerns(a).length > 0;
  return {
    impact,
    urgency: flagged ? 2 : 3,
    assessment: { scope: a.affected.who === 'customers' ? 'external' : 'internal', ...(flagged ? { securityImpact: true as const } : {}) },
  };
}
