/**
 * Atlassian Statuspage v2 JSON shapes (reference/interop.md §5.3), as our endpoints emit them.
 * Timestamps are ISO-8601 UTC with milliseconds and `Z`; dates (`start_date`) are YYYY-MM-DD.
 */
import type { ComponentStatus, IncidentImpact, MaintenanceImpact, MaintenanceStatus, PageIncidentStatus, PageIndicator, UpdateStatus } from './types.js';

export interface SPPage {
  id: string;
  name: string;
  url: string;
  time_zone?: string;
  updated_at: string;
}

export interface SPStatus {
  indicator: PageIndicator;
  description: string;
}

export interface SPComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** Only on group components: the children's ids. */
  components?: string[];
}

export interface SPAffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

export interface SPIncidentUpdate {
  id: string;
  status: UpdateStatus;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components?: SPAffectedComponent[] | null;
  deliver_notifications?: boolean;
  custom_tweet?: string | null;
  tweet_id?: string | null;
}

export interface SPIncident {
  id: string;
  name: string;
  status: PageIncidentStatus;
  impact: IncidentImpact;
  created_at: string;
  updated_at: string;
  started_at?: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  shortlink: string;
  page_id: string;
  /** Newest first. */
  incident_updates: SPIncidentUpdate[];
  components?: SPComponent[];
}

export interface SPScheduledMaintenance extends Omit<SPIncident, 'status' | 'impact'> {
  status: MaintenanceStatus;
  impact: MaintenanceImpact;
  scheduled_for: string;
  scheduled_until: string;
}

export interface SPStatusDocument {
  page: SPPage;
  status: SPStatus;
}
export interface SPComponentsDocument {
  page: SPPage;
  components: SPComponent[];
}
export interface SPIncidentsDocument {
  page: SPPage;
  incidents: SPIncident[];
}
export interface SPScheduledMaintenancesDocument {
  page: SPPage;
  scheduled_maintenances: SPScheduledMaintenance[];
}
export interface SPSummaryDocument {
  page: SPPage;
  status: SPStatus;
  components: SPComponent[];
  incidents: SPIncident[];
  scheduled_maintenances: SPScheduledMaintenance[];
}
