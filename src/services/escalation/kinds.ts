import { jobKind } from '../../jobs/index.js';

/** Page one level of an incident's escalation policy (stale when the escalation's generation moved on). */
export const ESCALATION_STEP = jobKind<{ incidentId: string; generation: number; level: number; pass: number }>('escalation.step');

/** An acknowledgement timed out (edge case 21): trigger the incident again and re-page its level. */
export const ACK_TIMEOUT = jobKind<{ incidentId: string; generation: number }>('escalation.ack_timeout');

/** One attempt at delivering a notification (notify/delivery/attempt.ts); retried at its retry time. */
export const DELIVER_NOTIFICATION = jobKind<{ notificationId: string }>('notification.deliver');

/** Job keys name their incident first, so everything pending for an incident can be cancelled at once. */
export const stepKey = (incidentId: string, generation: number, pass: number, level: number) => `incident:${incidentId}:step:${generation}:${pass}:${level}`;
export const deliveryKey = (incidentId: string | null, notificationId: string) => `${incidentId ? `incident:${incidentId}` : 'notification'}:deliver:${notificationId}`;
