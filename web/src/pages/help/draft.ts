import { resolveWall, wallOf } from '../../../../src/domain/time/zone';
import type { CreateIntakeReport, SecurityQuestion } from './api';

/** The form as typed: strings everywhere, turned into the API's body only when sent. */
export interface Draft {
  summary: string;
  /** datetime-local value (YYYY-MM-DDTHH:MM) in the reporter's zone, or '' when unknown. */
  startedAt: string;
  who: CreateIntakeReport['affected']['who'];
  count: string;
  scope: string;
  cannotDo: string;
  deviceKind: '' | NonNullable<CreateIntakeReport['device']>['kind'];
  deviceDetails: string;
  serviceId: string;
  security: Record<SecurityQuestion, '' | 'yes' | 'no' | 'unsure'>;
  details: string;
}

export const emptyDraft: Draft = {
  summary: '',
  startedAt: '',
  who: 'just_me',
  count: '',
  scope: '',
  cannotDo: '',
  deviceKind: '',
  deviceDetails: '',
  serviceId: '',
  security: { suspiciousEmailOpened: '', unusualDeviceBehaviour: '', unexpectedLoginNotice: '' },
  details: '',
};

/**
 * A datetime-local value in a zone as an ISO instant (the server's own DST rule: a time that never
 * occurs moves forward by the gap, one that occurs twice means the first); null when not a time.
 */
export function localToInstant(value: string, zone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return new Date(resolveWall(zone, wall).instant).toISOString();
}

/** An instant as a datetime-local value in a zone (the input's `max`: not later than now). */
export function instantToLocal(instant: Date, zone: string): string {
  return new Date(wallOf(zone, instant.getTime())).toISOString().slice(0, 16);
}

/** The request body; the browser has already required the required fields (the server checks again). */
export function toBody(d: Draft, zone: string): CreateIntakeReport {
  const startedAt = d.startedAt ? localToInstant(d.startedAt, zone) : null;
  const count = d.count.trim() ? Number(d.count) : undefined;
  return {
    summary: d.summary,
    ...(startedAt ? { startedAt } : {}),
    affected: { who: d.who, ...(count !== undefined ? { count } : {}) },
    ...(d.scope.trim() ? { scope: d.scope } : {}),
    cannotDo: d.cannotDo,
    ...(d.deviceKind ? { device: { kind: d.deviceKind, ...(d.deviceDetails.trim() ? { details: d.deviceDetails } : {}) } } : {}),
    ...(d.serviceId ? { serviceId: d.serviceId } : {}),
    security: {
      suspiciousEmailOpened: d.security.suspiciousEmailOpened || 'unsure',
      unusualDeviceBehaviour: d.security.unusualDeviceBehaviour || 'unsure',
      unexpectedLoginNotice: d.security.unexpectedLoginNotice || 'unsure',
    },
    ...(d.details.trim() ? { details: d.details } : {}),
  };
}
