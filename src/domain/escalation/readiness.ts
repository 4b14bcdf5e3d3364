/**
 * Readiness lint (edge cases 18 and 56): what stops paging from reaching a person the way they
 * expect, worked out from their contact methods, their personal rules and the escalation levels that
 * page them. Pure; the service gathers the facts.
 *
 * - `no_contact_method` (warning): paging reaches nobody (the engine records "not reached").
 * - `default_rules` (info): no rules at all; every page goes to every contact method at once.
 * - `no_high_urgency_rule` (warning): rules, but none for high urgency; high-urgency pages then go to
 *   every contact method at once, whatever the low-urgency rules say.
 * - `rule_unreachable` (warning): a rule fires `delayMinutes` after the person is paged, but a level
 *   that pages them hands over to the next one after `levelDelayMinutes` ≤ that. The engine does not
 *   withdraw the rule's notification when the next level is paged (only acknowledge, resolve or a
 *   manual escalation do), yet by the time it comes the escalation has moved on: that step of the
 *   personal chain never happens while the person is the one being paged. The bound applies to a
 *   level that has a next step on the policy's first pass: every level but the last, and the last
 *   too when the policy repeats (its delay separates the passes). The last level of a policy that
 *   does not repeat has no bound. The acknowledgement timeout re-pages after acknowledgement and does
 *   not bound anything.
 * - `on_escalation_path_without_high_rule` (warning): the person is a target of at least one policy
 *   (directly, or as a current or future member of a schedule a level targets) and has no rule for
 *   high urgency (none at all included); lists the policies.
 */
export type ReadinessCode = 'no_contact_method' | 'default_rules' | 'no_high_urgency_rule' | 'rule_unreachable' | 'on_escalation_path_without_high_rule';

export interface PathLevel {
  policy: { id: string; name: string };
  /** 1-based. */
  level: number;
  delayMinutes: number;
  /** Another level (or pass) follows this one, so delayMinutes bounds the personal chain. */
  handsOver: boolean;
  via: { type: 'user' } | { type: 'schedule'; id: string; name: string };
}

export interface ReadinessFacts {
  contactMethods: { id: string; type: string }[];
  rules: { id: string; urgency: string; contactMethodId: string; delayMinutes: number }[];
  /** Every level that pages the person, per route (a level reached directly and via a schedule twice). */
  paths: PathLevel[];
}

export interface ReadinessWarning {
  code: ReadinessCode;
  severity: 'warning' | 'info';
  message: string;
  policy?: { id: string; name: string };
  level?: number;
  levelDelayMinutes?: number;
  rule?: { id: string; urgency: string; contactMethodId: string; channel: string | null; delayMinutes: number };
  policies?: { id: string; name: string; levels: number[] }[];
}

/** The levels of a policy that page someone, as (policy, level) pairs, one per pair. */
function distinctLevels(paths: PathLevel[]): PathLevel[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const k = `${p.policy.id}:${p.level}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function policiesOf(paths: PathLevel[]): NonNullable<ReadinessWarning['policies']> {
  const out: NonNullable<ReadinessWarning['policies']> = [];
  for (const p of distinctLevels(paths)) {
    const found = out.find((x) => x.id === p.policy.id);
    if (found) found.levels.push(p.level);
    else out.push({ ...p.policy, levels: [p.level] });
  }
  for (const p of out) p.levels.sort((a, b) => a - b);
  return out;
}

const listed = (ps: NonNullable<ReadinessWarning['policies']>) => ps.map((p) => `"${p.name}" (level ${p.levels.join(', ')})`).join(', ');

export function readinessWarnings(f: ReadinessFacts): ReadinessWarning[] {
  const out: ReadinessWarning[] = [];
  const high = f.rules.filter((r) => r.urgency === 'high');
  const policies = policiesOf(f.paths);
  if (f.contactMethods.length === 0) {
    out.push({
      code: 'no_contact_method',
      severity: 'warning',
      message: `no contact method: paging reaches nobody${policies.length ? `, yet escalation policies page this person: ${listed(policies)}` : ''}; add an e-mail address, a phone number or a webhook`,
    });
  } else if (f.rules.length === 0) {
    out.push({
      code: 'default_rules',
      severity: 'info',
      message: `no notification rules: every page goes to all ${f.contactMethods.length} contact method(s) at once`,
    });
  } else if (high.length === 0) {
    out.push({
      code: 'no_high_urgency_rule',
      severity: 'warning',
      message: 'no rule for high urgency: high-urgency pages go to every contact method at once; add a high-urgency rule to choose how',
    });
  }
  const channel = (id: string) => f.contactMethods.find((m) => m.id === id)?.type ?? null;
  const rules = [...f.rules].sort((a, b) => a.urgency.localeCompare(b.urgency) || a.delayMinutes - b.delayMinutes || a.id.localeCompare(b.id));
  for (const level of distinctLevels(f.paths)) {
    if (!level.handsOver) continue;
    for (const r of rules) {
      if (r.delayMinutes < level.delayMinutes) continue;
      const c = channel(r.contactMethodId);
      out.push({
        code: 'rule_unreachable',
        severity: 'warning',
        message:
          `the ${r.urgency}-urgency rule "${c ?? 'contact method'} after ${r.delayMinutes} min" comes too late for "${level.policy.name}" level ${level.level}: ` +
          `the escalation pages the next level after ${level.delayMinutes} min, before this rule fires; shorten the rule's delay below ${level.delayMinutes} min or lengthen the level's`,
        policy: level.policy,
        level: level.level,
        levelDelayMinutes: level.delayMinutes,
        rule: { id: r.id, urgency: r.urgency, contactMethodId: r.contactMethodId, channel: c, delayMinutes: r.delayMinutes },
      });
    }
  }
  if (policies.length && high.length === 0) {
    out.push({
      code: 'on_escalation_path_without_high_rule',
      severity: 'warning',
      message:
        `on the escalation path of ${listed(policies)} without a high-urgency rule: ` +
        (f.contactMethods.length ? 'high-urgency pages go to every contact method at once' : 'high-urgency pages reach nobody (no contact method)'),
      policies,
    });
  }
  return out;
}
