import type { GroupingConfig } from './grouping.js';
import { DEFAULT_GROUPING } from './grouping.js';
import type { AlertSeverity } from './types.js';

/**
 * How one service turns alerts into incidents (SPEC §4.1, §4.2): grouping, threshold, flapping, and
 * the alert severity → incident severity and urgency maps (configurable per service).
 */
export interface ServiceIngestConfig extends GroupingConfig {
  severityMap: Record<AlertSeverity, 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4'>;
  urgencyMap: Record<AlertSeverity, 1 | 2 | 3>;
}

export const DEFAULT_SEVERITY_MAP: ServiceIngestConfig['severityMap'] = { critical: 'SEV2', error: 'SEV3', warning: 'SEV4', info: 'SEV4' };
export const DEFAULT_URGENCY_MAP: ServiceIngestConfig['urgencyMap'] = { critical: 1, error: 2, warning: 3, info: 3 };

export const DEFAULT_INGEST_CONFIG: ServiceIngestConfig = {
  ...DEFAULT_GROUPING,
  severityMap: DEFAULT_SEVERITY_MAP,
  urgencyMap: DEFAULT_URGENCY_MAP,
};

/** The stored JSON (validated when saved) over the defaults; an empty object means "all defaults". */
export function ingestConfigOf(stored: Partial<ServiceIngestConfig>): ServiceIngestConfig {
  return {
    grouping: stored.grouping ?? DEFAULT_INGEST_CONFIG.grouping,
    threshold: stored.threshold ?? null,
    flappingWindowMinutes: stored.flappingWindowMinutes ?? 0,
    severityMap: { ...DEFAULT_SEVERITY_MAP, ...stored.severityMap },
    urgencyMap: { ...DEFAULT_URGENCY_MAP, ...stored.urgencyMap },
  };
}

/** Urgency 1–2 pages as high urgency, 3 as low (SPEC §4.2). */
export function pagingUrgency(urgency: number): 'high' | 'low' {
  return urgency <= 2 ? 'high' : 'low';
}

/** Events per second one integration may send unless its settings say otherwise (SPEC §4.1). */
export const DEFAULT_INTEGRATION_RATE = 2000;
