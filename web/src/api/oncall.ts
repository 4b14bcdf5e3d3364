/**
 * On-call, schedules and escalation policies: the API's shapes (type-only imports of the server's zod
 * contracts) and the react-query hooks the screens use. Query keys nest under ['schedules', id] so one
 * invalidation refreshes a schedule with its shifts, gaps, overrides and on-call answer.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as CPolicy from '../../../src/contracts/escalation-policy';
import type * as CSchedule from '../../../src/contracts/schedule';
import { useSession } from '../session/session';
import { get } from './client';
import type { EscalationPolicy, Page, Schedule, Service, User } from './types';

export type { EscalationPolicy, Schedule, User };
export type ScheduleLayer = z.infer<typeof CSchedule.ScheduleLayer>;
export type Rotation = z.infer<typeof CSchedule.Rotation>;
export type Restriction = z.infer<typeof CSchedule.Restriction>;
export type UserRef = z.infer<typeof CSchedule.UserRef>;
export type Shift = z.infer<typeof CSchedule.Shift>;
export type ShiftList = z.infer<typeof CSchedule.ShiftList>;
export type CoverageGaps = z.infer<typeof CSchedule.CoverageGaps>;
export type ScheduleOverride = z.infer<typeof CSchedule.ScheduleOverride>;
export type ScheduleOnCall = z.infer<typeof CSchedule.ScheduleOnCall>;
export type OnCallNow = z.infer<typeof CSchedule.OnCallNow>;
export type FeedUrl = z.infer<typeof CSchedule.FeedUrl>;
export type CreateSchedule = z.input<typeof CSchedule.CreateScheduleBody>;
export type UpdateSchedule = z.input<typeof CSchedule.UpdateScheduleBody>;
export type UpdateScheduleLayer = z.input<typeof CSchedule.UpdateScheduleLayer>;
export type SetLayerMembers = z.input<typeof CSchedule.SetLayerMembersBody>;
export type CreateOverride = z.input<typeof CSchedule.CreateOverrideBody>;
export type CreatePolicy = z.input<typeof CPolicy.CreateEscalationPolicyBody>;
export type UpdatePolicy = z.input<typeof CPolicy.UpdateEscalationPolicyBody>;
export type PolicyTarget = z.input<typeof CPolicy.EscalationTarget>;

export interface Range {
  from: string;
  to: string;
}

export const keys = {
  schedules: ['schedules'] as const,
  schedule: (id: string) => ['schedules', id] as const,
  oncall: ['oncall'] as const,
  policies: ['escalation-policies'] as const,
  policy: (id: string) => ['escalation-policies', id] as const,
};

const s = (id: string) => `/api/v1/schedules/${id}`;
const ONE_MINUTE = 60_000;

export const useSchedules = () => useQuery({ queryKey: keys.schedules, queryFn: () => get<Page<Schedule>>('/api/v1/schedules') });
export const useSchedule = (id: string) => useQuery({ queryKey: keys.schedule(id), queryFn: () => get<Schedule>(s(id)) });

export const useShifts = (id: string, r: Range) =>
  useQuery({ queryKey: [...keys.schedule(id), 'shifts', r.from, r.to], queryFn: () => get<ShiftList>(`${s(id)}/shifts`, { ...r }) });

export const layerShiftsQuery = (id: string, layerId: string, r: Range) => ({
  queryKey: [...keys.schedule(id), 'layer-shifts', layerId, r.from, r.to],
  queryFn: () => get<ShiftList>(`${s(id)}/layers/${layerId}/shifts`, { ...r }),
});

export const useGaps = (id: string, r: Range) =>
  useQuery({ queryKey: [...keys.schedule(id), 'gaps', r.from, r.to], queryFn: () => get<CoverageGaps>(`${s(id)}/gaps`, { ...r }) });

export const useOverrides = (id: string) =>
  useQuery({ queryKey: [...keys.schedule(id), 'overrides'], queryFn: () => get<Page<ScheduleOverride>>(`${s(id)}/overrides`) });

export const useScheduleOnCall = (id: string) =>
  useQuery({ queryKey: [...keys.schedule(id), 'oncall'], queryFn: () => get<ScheduleOnCall>(`${s(id)}/oncall`), refetchInterval: ONE_MINUTE });

export const useFeedUrl = (id: string) =>
  useQuery({ queryKey: [...keys.schedule(id), 'feed-url'], queryFn: () => get<FeedUrl>(`${s(id)}/feed-url`), staleTime: Number.POSITIVE_INFINITY });

export const useOnCallNow = () => useQuery({ queryKey: keys.oncall, queryFn: () => get<OnCallNow>('/api/v1/oncall'), refetchInterval: ONE_MINUTE });

export const usePolicies = () => useQuery({ queryKey: keys.policies, queryFn: () => get<Page<EscalationPolicy>>('/api/v1/escalation-policies') });
export const usePolicy = (id: string) =>
  useQuery({ queryKey: keys.policy(id), queryFn: () => get<EscalationPolicy>(`/api/v1/escalation-policies/${id}`), enabled: id !== '' });

/** People to pick from: the first 200 active users by name (an installation has tens to hundreds). */
export const useUsers = () =>
  useQuery({
    queryKey: ['users', 'picker'],
    queryFn: async () => (await get<Page<User>>('/api/v1/users', { limit: 200 })).items.filter((u) => !u.disabled),
  });

export const useServices = () => useQuery({ queryKey: ['services', 'picker'], queryFn: () => get<Page<Service>>('/api/v1/services', { limit: 200 }) });

/** What the signed-in person may change (the server checks again; this only hides dead controls). */
export function useCan() {
  const { user } = useSession();
  const role = user?.role;
  const admin = role === 'owner' || role === 'admin';
  return { manage: admin, override: admin || role === 'responder' };
}

/** After a change: schedules (with everything under them), who is on call, and policies that name them. */
export function useRefreshOnCall() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: keys.schedules }),
      qc.invalidateQueries({ queryKey: keys.oncall }),
      qc.invalidateQueries({ queryKey: keys.policies }),
    ]);
}
