/** The incident vocabulary of SPEC §2/§3. */
export const INCIDENT_STATUSES = ['triggered', 'acknowledged', 'resolved', 'closed', 'declined', 'merged'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_TYPES = ['inquiry', 'outage', 'security'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const VISIBILITIES = ['public', 'restricted'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** 1 is the highest impact / urgency. */
export type Level = 1 | 2 | 3;

/** Default visibility: security incidents are restricted (SPEC §4.2). */
export function defaultVisibility(type: IncidentType): Visibility {
  return type === 'security' ? 'restricted' : 'public';
}

/** Human number as shown everywhere: INC-123. */
export function formatIncidentNumber(n: number): string {
  return `INC-${n}`;
}

/** SEV1 and SEV2 are "major" (SPEC §4.2). */
export function isMajor(severity: Severity): boolean {
  return severity === 'SEV1' || severity === 'SEV2';
}
