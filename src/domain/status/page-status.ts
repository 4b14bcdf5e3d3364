/**
 * The page's rollup `status` (`indicator` + `description`, Statuspage v2) and an incident's `impact`
 * (SPEC §4.5; the rule is interop.md §5.2's suggestion):
 *
 * - each component maps `degraded_performance` → minor, `partial_outage` → major, `major_outage` →
 *   critical (`operational` and `under_maintenance` → none);
 * - each unresolved incident contributes its impact, and at least `minor`: an incident in progress
 *   means the service is degraded even while every component reads operational (or the incident has
 *   no severity);
 * - the worst of these is the indicator; when it is `none` and a maintenance is running
 *   (`in_progress`/`verifying`) or a component is `under_maintenance`, it is `maintenance`.
 *
 * Descriptions are the strings live Statuspage pages emit (interop §5.2). `minor` has two: "Minor
 * Service Outage" when an unresolved incident is behind it, "Partially Degraded Service" when only
 * components (set by hand) are degraded.
 */
import { type ComponentStatus, type IncidentImpact, isMaintenanceActive, isUnresolved, type MaintenanceStatus, type PageIncidentStatus, type PageIndicator, type Severity } from './types.js';

export const STATUS_DESCRIPTIONS = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  minorDegraded: 'Partially Degraded Service',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
  maintenance: 'Service Under Maintenance',
} as const;

const IMPACT_RANK: Record<IncidentImpact, number> = { none: 0, minor: 1, major: 2, critical: 3 };

/** SEV1 → critical, SEV2 → major, SEV3–4 → minor, no severity → none. */
export function impactOfSeverity(severity: Severity | null): IncidentImpact {
  switch (severity) {
    case 'SEV1':
      return 'critical';
    case 'SEV2':
      return 'major';
    case 'SEV3':
    case 'SEV4':
      return 'minor';
    default:
      return 'none';
  }
}

/** The indicator a single component's status asks for (maintenance is decided page-wide). */
export function impactOfComponentStatus(status: ComponentStatus): IncidentImpact {
  switch (status) {
    case 'degraded_performance':
      return 'minor';
    case 'partial_outage':
      return 'major';
    case 'major_outage':
      return 'critical';
    default:
      return 'none';
  }
}

/** The worse of two impacts. */
export const worseImpact = (a: IncidentImpact, b: IncidentImpact): IncidentImpact => (IMPACT_RANK[b] > IMPACT_RANK[a] ? b : a);

export interface PageStatusInput {
  /** Every component's status (groups may be included: they add nothing but their children's). */
  components: readonly ComponentStatus[];
  /** Incidents posted to the page; resolved ones are ignored here. */
  incidents: readonly { status: PageIncidentStatus; impact: IncidentImpact }[];
  /** Statuses of the page's scheduled maintenances. */
  maintenances: readonly MaintenanceStatus[];
}

export interface PageStatus {
  indicator: PageIndicator;
  description: string;
}

/** The page's rollup status under the rule in this module's header. */
export function pageStatus(input: PageStatusInput): PageStatus {
  const fromComponents = input.components.map(impactOfComponentStatus).reduce(worseImpact, 'none');
  const open = input.incidents.filter((i) => isUnresolved(i.status));
  const fromIncidents = open.map((i) => worseImpact(i.impact, 'minor')).reduce(worseImpact, 'none');
  const worst = worseImpact(fromComponents, fromIncidents);
  if (worst === 'none') {
    const maintenance = input.maintenances.some(isMaintenanceActive) || input.components.includes('under_maintenance');
    return maintenance
      ? { indicator: 'maintenance', description: STATUS_DESCRIPTIONS.maintenance }
      : { indicator: 'none', description: STATUS_DESCRIPTIONS.none };
  }
  if (worst === 'minor') return { indicator: 'minor', description: open.length ? STATUS_DESCRIPTIONS.minor : STATUS_DESCRIPTIONS.minorDegraded };
  return { indicator: worst, description: STATUS_DESCRIPTIONS[worst] };
}
