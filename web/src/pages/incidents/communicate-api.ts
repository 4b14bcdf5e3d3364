/** Stakeholder audiences and the updates sent to them from an incident: typed calls and hooks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../api/client';
import type { Page, SendStakeholderUpdate, StakeholderAudience, StakeholderUpdate, StakeholderUpdatePreview } from '../../api/types';

export const FORMATS = ['executive', 'standard'] as const satisfies readonly StakeholderUpdate['format'][];

const updatesKey = (incidentId: string) => ['incident', incidentId, 'stakeholder-updates'] as const;

export const useAudiences = () =>
  useQuery({ queryKey: ['stakeholder-audiences'], queryFn: () => get<Page<StakeholderAudience>>('/api/v1/stakeholder-audiences'), staleTime: 60_000 });

export function useStakeholderUpdates(incidentId: string) {
  return useQuery({
    queryKey: updatesKey(incidentId),
    queryFn: () => get<Page<StakeholderUpdate>>(`/api/v1/incidents/${incidentId}/stakeholder-updates`),
    // Delivery counts move without incident events (the e-mails go out through the job runner).
    refetchInterval: 30_000,
  });
}

export function useStakeholderMutations(incidentId: string) {
  const qc = useQueryClient();
  return {
    preview: useMutation({ mutationFn: (body: SendStakeholderUpdate) => post<StakeholderUpdatePreview>(`/api/v1/incidents/${incidentId}/stakeholder-updates/preview`, body) }),
    send: useMutation({
      mutationFn: (body: SendStakeholderUpdate) => post<StakeholderUpdate>(`/api/v1/incidents/${incidentId}/stakeholder-updates`, body),
      // Kept on the timeline too.
      onSuccess: () => qc.invalidateQueries({ queryKey: ['incident', incidentId] }),
    }),
  };
}
