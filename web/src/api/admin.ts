/**
 * Services, integrations, people, teams and the personal paging setup: typed calls and react-query
 * hooks. Shapes come from the server's zod contracts (type-only imports).
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as CRule from '../../../src/contracts/notification-rule';
import type * as CService from '../../../src/contracts/service';
import type * as CTeam from '../../../src/contracts/team';
import type * as CUser from '../../../src/contracts/user';
import { del, get, patch, post, put } from './client';
import type { EscalationPolicy, NotificationRule, Page, Service, Team, User } from './types';

export type Integration = z.infer<typeof CService.Integration>;
export type IntegrationType = z.infer<typeof CService.IntegrationType>;
export type CreateService = z.input<typeof CService.CreateServiceBody>;
export type UpdateService = z.input<typeof CService.UpdateServiceBody>;
export type CreateIntegration = z.input<typeof CService.CreateIntegrationBody>;
export type UpdateIntegration = z.input<typeof CService.UpdateIntegrationBody>;
export type TeamDetail = z.infer<typeof CTeam.TeamDetail>;
export type CreateTeam = z.input<typeof CTeam.CreateTeamBody>;
export type UpdateTeam = z.input<typeof CTeam.UpdateTeamBody>;
export type Role = z.infer<typeof CUser.RoleSchema>;
export type Locale = z.infer<typeof CUser.Locale>;
export type CreateUser = z.input<typeof CUser.CreateUserBody>;
export type UpdateUser = z.input<typeof CUser.UpdateUserBody>;
export type ContactMethod = z.infer<typeof CUser.ContactMethod>;
export type ContactType = z.infer<typeof CUser.ContactType>;
export type CreateContactMethod = z.input<typeof CUser.CreateContactMethodBody>;
export type QuietHours = z.infer<typeof CUser.QuietHours>;
export type Urgency = NotificationRule['urgency'];
export type CreateNotificationRule = z.input<typeof CRule.CreateNotificationRuleBody>;
export type ReadinessWarning = z.infer<typeof CRule.ReadinessWarning>;

/** Every member of a union, listed once: a new server value that is missing here fails to compile. */
type Exhaustive<All, Listed extends readonly All[]> = [Exclude<All, Listed[number]>] extends [never] ? Listed : never;
const list =
  <All>() =>
  <const L extends readonly All[]>(l: Exhaustive<All, L>) =>
    l;

export const INTEGRATION_TYPES = list<IntegrationType>()(['alertmanager', 'grafana', 'pagerduty', 'opsgenie', 'generic', 'email']);
export const ROLES = list<Role>()(['owner', 'admin', 'responder', 'observer']);
export const CONTACT_TYPES = list<ContactType>()(['email', 'sms', 'voice', 'webhook', 'slack', 'teams', 'mattermost']);
export const URGENCIES = list<Urgency>()(['high', 'low']);
export const LOCALES = list<Locale>()(['ja', 'en']);

const RANK: Record<Role, number> = { observer: 0, responder: 1, admin: 2, owner: 3 };
/** What the server allows (domain/access/permissions.ts): admins manage services, people and teams. */
export const canManage = (role: Role) => RANK[role] >= RANK.admin;

// ---- services and integrations

export function useServices(q: string) {
  return useQuery({ queryKey: ['services', 'list', q], queryFn: () => get<Page<Service>>('/api/v1/services', { q, limit: 200 }), placeholderData: keepPreviousData });
}
export function useService(id: string) {
  return useQuery({ queryKey: ['services', 'one', id], queryFn: () => get<Service>(`/api/v1/services/${id}`) });
}
export function useEscalationPolicies() {
  return useQuery({ queryKey: ['escalation-policies'], queryFn: () => get<Page<EscalationPolicy>>('/api/v1/escalation-policies') });
}
export function useCreateService() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateService) => post<Service>('/api/v1/services', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['services'] }),
  });
}
export function useUpdateService(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateService) => patch<Service>(`/api/v1/services/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['services'] }),
  });
}
export function useDeleteService(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => del(`/api/v1/services/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: ['services'] }) });
}

export function useIntegrations(serviceId: string) {
  return useQuery({ queryKey: ['integrations', serviceId], queryFn: () => get<Page<Integration>>(`/api/v1/services/${serviceId}/integrations`) });
}
/** Create, change, rotate and delete one service's integrations; each refreshes the list. */
export function useIntegrationMutations(serviceId: string) {
  const qc = useQueryClient();
  const base = `/api/v1/services/${serviceId}/integrations`;
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['integrations', serviceId] });
  return {
    create: useMutation({ mutationFn: (body: CreateIntegration) => post<Integration>(base, body), onSuccess }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateIntegration }) => patch<Integration>(`${base}/${id}`, body), onSuccess }),
    rotate: useMutation({ mutationFn: (id: string) => post<Integration>(`${base}/${id}/rotate-key`), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => del(`${base}/${id}`), onSuccess }),
  };
}

// ---- people and teams

export function useUserPages(q: string) {
  return useInfiniteQuery({
    queryKey: ['users', 'list', q],
    queryFn: ({ pageParam }) => get<Page<User>>('/api/v1/users', { q, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: CreateUser) => post<User>('/api/v1/users', body), onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }) });
}
export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUser }) => patch<User>(`/api/v1/users/${id}`, body),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['users'] }), qc.invalidateQueries({ queryKey: ['teams'] })]),
  });
}

export function useTeams() {
  return useQuery({ queryKey: ['teams', 'list'], queryFn: () => get<Page<Team>>('/api/v1/teams') });
}
export function useTeam(id: string) {
  return useQuery({ queryKey: ['teams', 'one', id], queryFn: () => get<TeamDetail>(`/api/v1/teams/${id}`) });
}
export function useTeamMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['teams'] });
  return {
    create: useMutation({ mutationFn: (body: CreateTeam) => post<TeamDetail>('/api/v1/teams', body), onSuccess }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateTeam }) => patch<TeamDetail>(`/api/v1/teams/${id}`, body), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => del(`/api/v1/teams/${id}`), onSuccess }),
    addMember: useMutation({ mutationFn: ({ id, userId }: { id: string; userId: string }) => put<TeamDetail>(`/api/v1/teams/${id}/members/${userId}`, {}), onSuccess }),
    removeMember: useMutation({ mutationFn: ({ id, userId }: { id: string; userId: string }) => del(`/api/v1/teams/${id}/members/${userId}`), onSuccess }),
  };
}

// ---- my paging setup: contact methods, notification rules

export function useContactMethods(userId: string) {
  return useQuery({ queryKey: ['contact-methods', userId], queryFn: () => get<Page<ContactMethod>>(`/api/v1/users/${userId}/contact-methods`) });
}
export function useContactMethodMutations(userId: string) {
  const qc = useQueryClient();
  const onSuccess = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['contact-methods', userId] }),
      qc.invalidateQueries({ queryKey: ['notification-rules', userId] }),
      qc.invalidateQueries({ queryKey: ['readiness', userId] }),
    ]);
  return {
    add: useMutation({ mutationFn: (body: CreateContactMethod) => post<ContactMethod>(`/api/v1/users/${userId}/contact-methods`, body), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => del(`/api/v1/users/${userId}/contact-methods/${id}`), onSuccess }),
  };
}
export function signingSecret(userId: string, contactMethodId: string) {
  return get<{ secret: string }>(`/api/v1/users/${userId}/contact-methods/${contactMethodId}/signing-secret`);
}

export function useNotificationRules(userId: string) {
  return useQuery({ queryKey: ['notification-rules', userId], queryFn: () => get<Page<NotificationRule>>(`/api/v1/users/${userId}/notification-rules`) });
}
export function useNotificationRuleMutations(userId: string) {
  const qc = useQueryClient();
  const onSuccess = () =>
    Promise.all([qc.invalidateQueries({ queryKey: ['notification-rules', userId] }), qc.invalidateQueries({ queryKey: ['readiness', userId] })]);
  return {
    add: useMutation({ mutationFn: (body: CreateNotificationRule) => post<NotificationRule>(`/api/v1/users/${userId}/notification-rules`, body), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => del(`/api/v1/users/${userId}/notification-rules/${id}`), onSuccess }),
  };
}

/** What stops paging from reaching the person as they expect (no contact method, late rules …). */
export function useReadiness(userId: string) {
  return useQuery({
    queryKey: ['readiness', userId],
    queryFn: () => get<{ warnings: ReadinessWarning[] }>(`/api/v1/users/${userId}/notification-readiness`),
  });
}
