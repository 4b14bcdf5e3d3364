/**
 * Stakeholder audiences (SPEC §4.5): who receives the stakeholder updates sent from an incident.
 * Typed calls and react-query hooks; shapes come from the server's zod contracts (type-only imports).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as CStakeholder from '../../../../src/contracts/stakeholder';
import { del, get, patch, post } from '../../api/client';
import type { Page, StakeholderAudience, User } from '../../api/types';

export type CreateAudience = z.input<typeof CStakeholder.CreateStakeholderAudienceBody>;
export type UpdateAudience = z.input<typeof CStakeholder.UpdateStakeholderAudienceBody>;
export type AudienceKind = StakeholderAudience['kind'];

/** Listed once, in the server's order (src/contracts/stakeholder.ts). */
export const AUDIENCE_KINDS = ['executives', 'support', 'all_employees', 'custom'] as const satisfies readonly AudienceKind[];

/** The same key as the incident's Communicate panel: a change here refreshes its list of audiences. */
const KEY = ['stakeholder-audiences'] as const;

export const useAudienceList = () => useQuery({ queryKey: KEY, queryFn: () => get<Page<StakeholderAudience>>('/api/v1/stakeholder-audiences') });

/**
 * Every person, disabled ones included (an audience may still name someone disabled since; the
 * picker offers only active people). Installations have tens to hundreds: read page after page.
 */
export const useEveryone = () =>
  useQuery({
    queryKey: ['users', 'everyone'],
    queryFn: async () => {
      const all: User[] = [];
      let cursor: string | undefined;
      do {
        const page = await get<Page<User>>('/api/v1/users', { limit: 200, cursor });
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all;
    },
  });

export function useAudienceMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: KEY });
  return {
    create: useMutation({ mutationFn: (body: CreateAudience) => post<StakeholderAudience>('/api/v1/stakeholder-audiences', body), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateAudience }) => patch<StakeholderAudience>(`/api/v1/stakeholder-audiences/${id}`, body),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => del(`/api/v1/stakeholder-audiences/${id}`), onSuccess }),
  };
}
