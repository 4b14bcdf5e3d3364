import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as CCollab from '../../../src/contracts/collaboration';
import type * as CSettings from '../../../src/contracts/settings';
import { get, patch, post, put, del, type Query } from './client';
import type { Alert, DeclareIncident, Incident, Page, Service, TimelineEntry, User } from './types';

export type Task = z.infer<typeof CCollab.Task>;
export type IncidentRoles = z.infer<typeof CSettings.IncidentRolesView>;

export interface IncidentFilters {
  status?: string;
  serviceId?: string;
  type?: string;
  severity?: string;
  q?: string;
}

export const incidentKeys = {
  list: (f: IncidentFilters) => ['incidents', 'list', f] as const,
  one: (id: string) => ['incident', id] as const,
  timeline: (id: string) => ['incident', id, 'timeline'] as const,
  alerts: (id: string) => ['incident', id, 'alerts'] as const,
  tasks: (id: string) => ['incident', id, 'tasks'] as const,
};

export function useIncidentList(f: IncidentFilters) {
  return useInfiniteQuery({
    queryKey: incidentKeys.list(f),
    queryFn: ({ pageParam }) => get<Page<Incident>>('/api/v1/incidents', { ...(f as Query), cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
}

export const useIncident = (id: string) => useQuery({ queryKey: incidentKeys.one(id), queryFn: () => get<Incident>(`/api/v1/incidents/${id}`) });
export const useTimeline = (id: string) =>
  useQuery({ queryKey: incidentKeys.timeline(id), queryFn: () => get<Page<TimelineEntry>>(`/api/v1/incidents/${id}/timeline`, { limit: 1000 }) });
export const useIncidentAlerts = (id: string) =>
  useQuery({ queryKey: incidentKeys.alerts(id), queryFn: () => get<Page<Alert>>(`/api/v1/incidents/${id}/alerts`, { limit: 100 }) });
export const useTasks = (id: string) => useQuery({ queryKey: incidentKeys.tasks(id), queryFn: () => get<{ items: Task[] }>(`/api/v1/incidents/${id}/tasks`) });

/** Services and people change rarely: one cached list each, shared by filters, forms and labels. */
export const useServices = () =>
  useQuery({ queryKey: ['services', 'all'], queryFn: () => get<Page<Service>>('/api/v1/services', { limit: 200 }), staleTime: 60_000 });
export const usePeople = () => useQuery({ queryKey: ['users', 'all'], queryFn: () => get<Page<User>>('/api/v1/users', { limit: 200 }), staleTime: 60_000 });
export const useIncidentRoles = () =>
  useQuery({ queryKey: ['settings', 'incident-roles'], queryFn: () => get<IncidentRoles>('/api/v1/settings/incident-roles'), staleTime: 5 * 60_000 });

/** After any change to an incident: refetch it, its timeline and the lists. */
function useInvalidateIncident(id: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['incident', id] });
    void qc.invalidateQueries({ queryKey: ['incidents'] });
  };
}

export type LifecycleVerb = 'acknowledge' | 'resolve' | 'reopen' | 'close' | 'decline';

export function useLifecycle(id: string) {
  const done = useInvalidateIncident(id);
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (verb: LifecycleVerb) => post<Incident>(`/api/v1/incidents/${id}/${verb}`),
    onSuccess: (inc) => {
      qc.setQueryData(incidentKeys.one(id), inc);
      done();
    },
  });
}

export function useEscalate(id: string) {
  const done = useInvalidateIncident(id);
  return useMutation({ mutationFn: (level?: number) => post<Incident>(`/api/v1/incidents/${id}/escalate`, level ? { level } : {}), onSuccess: done });
}

export function useUpdateIncident(id: string) {
  const done = useInvalidateIncident(id);
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => patch<Incident>(`/api/v1/incidents/${id}`, body),
    onSuccess: (inc) => {
      qc.setQueryData(incidentKeys.one(id), inc);
      done();
    },
  });
}

export function useAddNote(id: string) {
  const done = useInvalidateIncident(id);
  return useMutation({ mutationFn: (b: { body: string; pinned?: boolean }) => post(`/api/v1/incidents/${id}/notes`, b), onSuccess: done });
}

export function usePin(id: string) {
  const done = useInvalidateIncident(id);
  return useMutation({ mutationFn: (b: { entryId: string; pinned: boolean }) => patch(`/api/v1/incidents/${id}/timeline/${b.entryId}`, { pinned: b.pinned }), onSuccess: done });
}

export function useAssignRole(id: string) {
  const done = useInvalidateIncident(id);
  return useMutation({
    mutationFn: (b: { role: string; userId: string | null }) =>
      b.userId ? put(`/api/v1/incidents/${id}/roles/${b.role}`, { userId: b.userId }) : del(`/api/v1/incidents/${id}/roles/${b.role}`),
    onSuccess: done,
  });
}

export function useAddTask(id: string) {
  const done = useInvalidateIncident(id);
  return useMutation({ mutationFn: (b: { title: string; ownerId?: string }) => post(`/api/v1/incidents/${id}/tasks`, b), onSuccess: done });
}

export function useUpdateTask(id: string) {
  const done = useInvalidateIncident(id);
  return useMutation({ mutationFn: (b: { taskId: string; status?: string; ownerId?: string | null }) => {
    const { taskId, ...rest } = b;
    return patch(`/api/v1/incidents/${id}/tasks/${taskId}`, rest);
  }, onSuccess: done });
}

export function useDeclare() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: DeclareIncident) => post<Incident>('/api/v1/incidents', b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['incidents'] }),
  });
}
