import type { CreatePolicy, EscalationPolicy, PolicyTarget } from '../../api/oncall';

/** The editor's state; numbers stay as typed until sent, so the server's message names a bad field. */
export interface LevelDraft {
  key: string;
  delayMinutes: string;
  targets: PolicyTarget[];
}

export interface PolicyDraft {
  name: string;
  description: string;
  repeat: string;
  /** Empty: never re-page an acknowledged incident. */
  ackTimeout: string;
  levels: LevelDraft[];
}

let seq = 0;
export const newLevel = (delayMinutes = '15'): LevelDraft => ({ key: `level-${++seq}`, delayMinutes, targets: [] });

export const emptyDraft = (): PolicyDraft => ({ name: '', description: '', repeat: '0', ackTimeout: '', levels: [newLevel()] });

export function draftOf(p: EscalationPolicy): PolicyDraft {
  return {
    name: p.name,
    description: p.description,
    repeat: String(p.repeat),
    ackTimeout: p.ackTimeoutMinutes === null ? '' : String(p.ackTimeoutMinutes),
    levels: p.levels.map((l) => ({ ...newLevel(String(l.delayMinutes)), targets: l.targets.map(({ type, id }) => ({ type, id })) })),
  };
}

/** A number as typed; not a number stays as it is so the server's validation names the field. */
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

export function bodyOf(d: PolicyDraft): CreatePolicy {
  return {
    name: d.name,
    description: d.description,
    repeat: num(d.repeat),
    ackTimeoutMinutes: d.ackTimeout.trim() === '' ? null : num(d.ackTimeout),
    levels: d.levels.map((l) => ({ delayMinutes: num(l.delayMinutes), targets: l.targets })),
  };
}
