import type { Visibility } from '../incident/types.js';
import type { Role } from './permissions.js';

/**
 * Restricted incidents (SPEC §4.2): visible only to participants (declarer, role holders, people
 * paged or added as responders, people added explicitly), members of security teams, and owners.
 * Admins are not implied. For everyone else the incident does not exist.
 */
export interface Viewer {
  userId: string | null;
  role: Role;
  /** Member of at least one team marked as a security team. */
  inSecurityTeam: boolean;
  /** `system` actors (jobs, ingestion) see everything. */
  isSystem: boolean;
}

export type VisibilityVerdict =
  | { visible: false }
  | { visible: true; reason: 'public' | 'system' | 'participant' | 'security_team' | 'owner' };

export function incidentVisibility(viewer: Viewer, visibility: Visibility, isParticipant: boolean): VisibilityVerdict {
  if (viewer.isSystem) return { visible: true, reason: 'system' };
  if (visibility === 'public') return { visible: true, reason: 'public' };
  if (isParticipant) return { visible: true, reason: 'participant' };
  if (viewer.inSecurityTeam) return { visible: true, reason: 'security_team' };
  if (viewer.role === 'owner') return { visible: true, reason: 'owner' };
  return { visible: false };
}

/** An owner who sees a restricted incident only because they are an owner is audited (SPEC §4.2). */
export function readIsAudited(verdict: VisibilityVerdict): boolean {
  return verdict.visible && verdict.reason === 'owner';
}
