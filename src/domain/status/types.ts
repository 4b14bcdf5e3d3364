/**
 * The status-page vocabulary (SPEC §4.5), with the enumerations of Atlassian Statuspage v2
 * (reference/interop.md §5.2) so that the JSON API can emit them unchanged.
 */
import type { Severity } from '../incident/types.js';

export type { Severity };

/** A component's status, listed best to worst: the order is the "worst wins" rank (component-status.ts). */
export const COMPONENT_STATUSES = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** The statuses an incident can push a component to (what an outage interval carries in uptime). */
export const OUTAGE_STATUSES = ['degraded_performance', 'partial_outage', 'major_outage'] as const;
export type OutageStatus = (typeof OUTAGE_STATUSES)[number];

/** An incident's `impact` (Statuspage), from its severity. */
export const INCIDENT_IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
export type IncidentImpact = (typeof INCIDENT_IMPACTS)[number];

/** A scheduled maintenance's `impact` is always `maintenance` on our pages (interop §5.2). */
export type MaintenanceImpact = IncidentImpact | 'maintenance';

/**
 * The page's rollup `status.indicator`. Statuspage documents the first four; live pages also emit
 * `maintenance`, and so do we (interop §5.2).
 */
export const PAGE_INDICATORS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;
export type PageIndicator = (typeof PAGE_INDICATORS)[number];

/** What a person posts on an incident's status update (SPEC §3 `status-updates`). */
export const INCIDENT_UPDATE_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentUpdateStatus = (typeof INCIDENT_UPDATE_STATUSES)[number];

/** An incident on a page is unresolved while its latest update is one of these. */
export const UNRESOLVED_INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring'] as const satisfies readonly IncidentUpdateStatus[];

/** A page incident's status in the JSON API: an update status, or `postmortem` once one is published. */
export type PageIncidentStatus = IncidentUpdateStatus | 'postmortem';

/** A scheduled maintenance's status (interop §5.2). */
export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

/** A maintenance is shown as running (page indicator `maintenance`, `active.json`) in these. */
export const ACTIVE_MAINTENANCE_STATUSES = ['in_progress', 'verifying'] as const satisfies readonly MaintenanceStatus[];

/** `incident_updates[].status` may be any incident or maintenance status (interop §5.2). */
export type UpdateStatus = PageIncidentStatus | MaintenanceStatus;

export const isUnresolved = (s: PageIncidentStatus): boolean => (UNRESOLVED_INCIDENT_STATUSES as readonly string[]).includes(s);
export const isMaintenanceActive = (s: MaintenanceStatus): boolean => (ACTIVE_MAINTENANCE_STATUSES as readonly string[]).includes(s);
