/**
 * The intake portal's calls: the internal status pages ("is this a known problem?"), the report, and
 * the report an incident came from. Shapes come from the server's zod contracts (type-only imports).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as CIntake from '../../../../src/contracts/intake';
import { ApiError, get, post } from '../../api/client';
import type { Page, StatusPage } from '../../api/types';

export type IntakeReport = z.infer<typeof CIntake.IntakeReport>;
export type CreateIntakeReport = z.input<typeof CIntake.CreateIntakeReportBody>;
export type CreatedIntakeReport = z.infer<typeof CIntake.CreatedIntakeReport>;
export type SecurityQuestion = CIntake.SecurityQuestion;

/** Listed once, in the form's order (src/contracts/intake.ts). */
export const AFFECTED_WHO = ['just_me', 'my_team', 'several_teams', 'everyone', 'customers'] as const satisfies readonly CreateIntakeReport['affected']['who'][];
export const DEVICE_KINDS = ['pc', 'mac', 'smartphone', 'tablet', 'other'] as const satisfies readonly NonNullable<CreateIntakeReport['device']>['kind'][];
export const SECURITY_QUESTIONS = ['suspiciousEmailOpened', 'unusualDeviceBehaviour', 'unexpectedLoginNotice'] as const satisfies readonly SecurityQuestion[];
export const SECURITY_ANSWERS = ['yes', 'no', 'unsure'] as const;

/** What /help reads of a page's Statuspage v2 summary.json (reference/interop.md §5). */
export interface PageSummary {
  status: { indicator: 'none' | 'minor' | 'major' | 'critical' | 'maintenance'; description: string };
  components: { id: string; name: string; status: string; group: boolean }[];
  incidents: { id: string; name: string; status: string; shortlink: string; incident_updates: { id: string; body: string; created_at: string }[] }[];
  scheduled_maintenances: { id: string; name: string; status: string; scheduled_for: string; scheduled_until: string }[];
}

/** A 404 means "none" here (no intake report; no status-page API on this server yet), not a failure. */
async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

export function useInternalStatusPages() {
  return useQuery({
    queryKey: ['status-pages', 'internal'],
    queryFn: async () => (await orNull(get<Page<StatusPage>>('/api/v1/status-pages', { visibility: 'internal' })))?.items ?? [],
  });
}

/**
 * The page's own JSON (same origin: the session cookie opens internal pages). Read with fetch, not
 * the API client: a status page refusing us is that page's problem, not the end of the session.
 */
export function usePageSummary(slug: string) {
  return useQuery({
    queryKey: ['status-pages', 'summary', slug],
    queryFn: async () => {
      const res = await fetch(`/status/${encodeURIComponent(slug)}/api/v2/summary.json`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (!res.ok) throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText);
      return (await res.json()) as PageSummary;
    },
    refetchInterval: 60_000,
  });
}

export function useReportProblem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIntakeReport) => post<CreatedIntakeReport>('/api/v1/intake-reports', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['incidents'] }),
  });
}

/**
 * The intake report of an incident, or null when it was not reported through /help. Asked only when
 * the timeline (already loaded by the page) says the incident came from a report.
 */
export function useIntakeReportOf(incidentId: string, fromReport: boolean) {
  return useQuery({
    queryKey: ['incident', incidentId, 'intake-report'],
    queryFn: () => orNull(get<IntakeReport>(`/api/v1/incidents/${incidentId}/intake-report`)),
    enabled: fromReport,
  });
}
