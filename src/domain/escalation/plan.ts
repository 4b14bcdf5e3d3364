/**
 * Who gets which notification when a level pages someone (SPEC §4.4): each person's own rules for
 * the incident's urgency ("email at once, SMS after 2 minutes"); a person without rules for it is
 * notified on every contact method at once, so being paged never depends on having set rules up.
 */
export type RuleUrgency = 'high' | 'low';

/** Incident urgency 1–2 pages high, 3 pages low (SPEC §4.2). */
export function ruleUrgency(incidentUrgency: number): RuleUrgency {
  return incidentUrgency <= 2 ? 'high' : 'low';
}

export interface PlannedNotification {
  contactMethodId: string;
  delayMinutes: number;
  /** The rule behind it, or null for the every-method default. */
  ruleId: string | null;
}

export function planNotifications(
  urgency: RuleUrgency,
  rules: { id: string; urgency: string; contactMethodId: string; delayMinutes: number }[],
  contactMethodIds: string[],
): PlannedNotification[] {
  const mine = rules.filter((r) => r.urgency === urgency && contactMethodIds.includes(r.contactMethodId));
  if (mine.length === 0) return contactMethodIds.map((id) => ({ contactMethodId: id, delayMinutes: 0, ruleId: null }));
  return mine
    .map((r) => ({ contactMethodId: r.contactMethodId, delayMinutes: r.delayMinutes, ruleId: r.id }))
    .sort((a, b) => a.delayMinutes - b.delayMinutes || a.contactMethodId.localeCompare(b.contactMethodId));
}
