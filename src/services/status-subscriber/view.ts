import { webhookSigningSecret } from '../../notify/channels/webhook/secret.js';
import { componentIdsOf, type SubscriberRow } from './load.js';

export type SubscriberStatus = 'pending_confirmation' | 'active' | 'unsubscribed';

export interface StatusSubscriberView {
  id: string;
  pageId: string;
  channel: 'email' | 'webhook';
  address: string;
  language: 'ja' | 'en';
  componentIds: string[] | null;
  status: SubscriberStatus;
  signingSecret: string | null;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Unsubscribed wins; an e-mail subscriber is pending until confirmed; webhooks are confirmed when created. */
export const subscriberStatus = (row: Pick<SubscriberRow, 'confirmedAt' | 'unsubscribedAt'>): SubscriberStatus =>
  row.unsubscribedAt ? 'unsubscribed' : row.confirmedAt ? 'active' : 'pending_confirmation';

/** The admin API's view; a webhook's signing secret is derived (never stored) from HIKESHI_SECRET and its id. */
export function viewSubscriber(row: SubscriberRow, secret: string): StatusSubscriberView {
  return {
    id: row.id,
    pageId: row.pageId,
    channel: row.channel as 'email' | 'webhook',
    address: row.address,
    language: row.language === 'ja' ? 'ja' : 'en',
    componentIds: componentIdsOf(row),
    status: subscriberStatus(row),
    signingSecret: row.channel === 'webhook' ? webhookSigningSecret(secret, row.id) : null,
    confirmedAt: row.confirmedAt,
    unsubscribedAt: row.unsubscribedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What the audit log keeps of a subscriber (no secret). */
export function auditRecord(v: StatusSubscriberView): Omit<StatusSubscriberView, 'signingSecret'> {
  const { signingSecret: _secret, ...rest } = v;
  return rest;
}
