/**
 * Status pages, their components and subscribers, and the updates posted to them from incidents:
 * typed calls and react-query hooks. Shapes come from the server's zod contracts (type-only imports).
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post } from '../../api/client';
import type {
  CreateStatusComponent,
  CreateStatusPage,
  CreateStatusSubscriber,
  CreateStatusUpdate,
  Page,
  PostedIncident,
  StatusComponent,
  StatusPage,
  StatusSubscriber,
  UpdateStatusComponent,
  UpdateStatusPage,
} from '../../api/types';

/** Listed once, in the server's order (src/domain/status/types.ts): best to worst. */
export const COMPONENT_STATUSES = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'] as const satisfies readonly StatusComponent['status'][];
export const UPDATE_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const satisfies readonly PostedIncident['status'][];
export const VISIBILITIES = ['public', 'internal'] as const satisfies readonly StatusPage['visibility'][];
export const SUBSCRIBER_CHANNELS = ['email', 'webhook'] as const satisfies readonly StatusSubscriber['channel'][];

/** Where people read a page, on this server (a custom domain serves the same page at its root). */
export const publicPath = (slug: string) => `/status/${encodeURIComponent(slug)}`;

export const statusPageKeys = {
  all: ['status-pages'] as const,
  list: ['status-pages', 'list'] as const,
  one: (id: string) => ['status-pages', 'one', id] as const,
  components: (id: string) => ['status-pages', 'components', id] as const,
  subscribers: (id: string) => ['status-pages', 'subscribers', id] as const,
  posted: (incidentId: string) => ['incident', incidentId, 'status-updates'] as const,
};

export function useStatusPages() {
  return useQuery({ queryKey: statusPageKeys.list, queryFn: () => get<Page<StatusPage>>('/api/v1/status-pages') });
}
export function useStatusPage(id: string) {
  return useQuery({ queryKey: statusPageKeys.one(id), queryFn: () => get<StatusPage>(`/api/v1/status-pages/${id}`) });
}

export function useStatusPageMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: statusPageKeys.all });
  return {
    create: useMutation({ mutationFn: (body: CreateStatusPage) => post<StatusPage>('/api/v1/status-pages', body), onSuccess }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateStatusPage }) => patch<StatusPage>(`/api/v1/status-pages/${id}`, body), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => del(`/api/v1/status-pages/${id}`), onSuccess }),
  };
}

export function useComponents(pageId: string) {
  return useQuery({ queryKey: statusPageKeys.components(pageId), queryFn: () => get<{ items: StatusComponent[] }>(`/api/v1/status-pages/${pageId}/components`) });
}

export function useComponentMutations(pageId: string) {
  const qc = useQueryClient();
  const base = `/api/v1/status-pages/${pageId}/components`;
  const onSuccess = () => qc.invalidateQueries({ queryKey: statusPageKeys.components(pageId) });
  return {
    create: useMutation({ mutationFn: (body: CreateStatusComponent) => post<StatusComponent>(base, body), onSuccess }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateStatusComponent }) => patch<StatusComponent>(`${base}/${id}`, body), onSuccess }),
    /** New positions for several components (a move up or down), one change each, then one refresh. */
    reorder: useMutation({
      mutationFn: async (moves: { id: string; position: number }[]) => {
        for (const m of moves) await patch<StatusComponent>(`${base}/${m.id}`, { position: m.position });
      },
      onSettled: onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => del(`${base}/${id}`), onSuccess }),
  };
}

/** Oldest first, a page at a time (addresses are personal data: the API shows them to administrators only). */
export function useSubscribers(pageId: string) {
  return useInfiniteQuery({
    queryKey: statusPageKeys.subscribers(pageId),
    queryFn: ({ pageParam }) => get<Page<StatusSubscriber>>(`/api/v1/status-pages/${pageId}/subscribers`, { cursor: pageParam, limit: 100 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSubscriberMutations(pageId: string) {
  const qc = useQueryClient();
  const base = `/api/v1/status-pages/${pageId}/subscribers`;
  const onSuccess = () => qc.invalidateQueries({ queryKey: statusPageKeys.subscribers(pageId) });
  return {
    add: useMutation({ mutationFn: (body: CreateStatusSubscriber) => post<StatusSubscriber>(base, body), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => del(`${base}/${id}`), onSuccess }),
  };
}

export function usePostedIncidents(incidentId: string) {
  return useQuery({ queryKey: statusPageKeys.posted(incidentId), queryFn: () => get<{ items: PostedIncident[] }>(`/api/v1/incidents/${incidentId}/status-updates`) });
}

export function usePostStatusUpdate(incidentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStatusUpdate) => post<PostedIncident>(`/api/v1/incidents/${incidentId}/status-updates`, body),
    onSuccess: () => {
      // The update is also on the incident's timeline, and moves component statuses.
      void qc.invalidateQueries({ queryKey: ['incident', incidentId] });
      void qc.invalidateQueries({ queryKey: ['status-pages', 'components'] });
    },
  });
}
