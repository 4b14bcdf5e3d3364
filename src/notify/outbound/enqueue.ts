/**
 * Outbound messages to addresses that are not a person's contact method: status-page subscribers
 * (confirmation, updates, maintenance notices) and stakeholder audiences. Each message is rendered
 * once, when it is created, and stored with its idempotency key (unique): creating the same message
 * twice — a retried request, two instances — writes one row and schedules one delivery job, so an
 * update reaches a subscriber once. The job runner sends it (deliver.ts), with retries, attempts on record.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { scheduleJob } from '../../jobs/schedule.js';
import { newId } from '../../platform/ids.js';
import type { Database } from '../../store/schema.js';
import { IDEMPOTENCY_KEY } from '../delivery/keys.js';
import { OUTBOUND_DELIVER } from './kind.js';

export type Executor = Kysely<Database> | Transaction<Database>;

export const OUTBOUND_PURPOSES = ['subscriber_confirm', 'status_update', 'maintenance_notice', 'stakeholder_update'] as const;
export type OutboundPurpose = (typeof OUTBOUND_PURPOSES)[number];

/** What a status-page subscriber receives as news (not the confirmation): e-mails carry RFC 8058 one-click unsubscribe headers. */
export const SUBSCRIBER_NEWS: readonly OutboundPurpose[] = ['status_update', 'maintenance_notice'];

export const OUTBOUND_CHANNELS = ['email', 'webhook'] as const;
export type OutboundChannel = (typeof OUTBOUND_CHANNELS)[number];

export interface NewOutboundMessage {
  /** From outboundKey(…): what makes it the same message, e.g. ('status_update', updateId, subscriberId). */
  idempotencyKey: string;
  purpose: OutboundPurpose;
  channel: OutboundChannel;
  /** An e-mail address or a webhook URL. */
  address: string;
  /** E-mail: the rendered message. */
  email?: { subject: string; text: string; html: string };
  /** Webhook: the JSON body (identical on every attempt) and whose derived secret signs it. */
  webhook?: { body: unknown; signingId: string };
  pageId?: string | null;
  subscriberId?: string | null;
  incidentId?: string | null;
  /** The status update or stakeholder update it carries. */
  sourceId?: string | null;
}

/** A stable key from the parts that identify a message: `obm_<sha256, base64url>`. */
export function outboundKey(...parts: string[]): string {
  return `obm_${createHash('sha256').update(parts.join('\u001f')).digest('base64url')}`;
}

/**
 * Insert the messages (insert-or-ignore on the key) and schedule a delivery job for each one created,
 * in the caller's transaction. Returns how many were created now.
 */
export async function enqueueOutbound(ex: Executor, items: readonly NewOutboundMessage[], now: Date | string): Promise<number> {
  if (items.length === 0) return 0;
  const at = new Date(now).toISOString();
  const unique = new Map<string, NewOutboundMessage>();
  for (const m of items) {
    if (!IDEMPOTENCY_KEY.test(m.idempotencyKey)) throw new Error(`outbound key ${JSON.stringify(m.idempotencyKey)} must match ${IDEMPOTENCY_KEY}`);
    if (m.channel === 'email' && !m.email) throw new Error(`outbound e-mail ${m.idempotencyKey} has no rendered message`);
    if (m.channel === 'webhook' && !m.webhook) throw new Error(`outbound webhook ${m.idempotencyKey} has no body`);
    if (!unique.has(m.idempotencyKey)) unique.set(m.idempotencyKey, m);
  }
  let created = 0;
  // Rows in chunks: a page with thousands of subscribers stays under the databases' parameter limits.
  const rows = [...unique.values()].map((m) => ({
    id: newId(),
    idempotencyKey: m.idempotencyKey,
    purpose: m.purpose,
    channel: m.channel,
    address: m.address,
    subject: m.email?.subject ?? '',
    bodyText: m.email?.text ?? '',
    bodyHtml: m.email?.html ?? '',
    bodyJson: m.webhook ? JSON.stringify(m.webhook.body) : null,
    signingId: m.webhook?.signingId ?? null,
    pageId: m.pageId ?? null,
    subscriberId: m.subscriberId ?? null,
    incidentId: m.incidentId ?? null,
    sourceId: m.sourceId ?? null,
    status: 'pending',
    attempts: 0,
    lastError: null,
    createdAt: at,
    updatedAt: at,
    deliveredAt: null,
  }));
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const inserted = await ex
      .insertInto('outboundMessage')
      .values(chunk)
      .onConflict((oc) => oc.column('idempotencyKey').doNothing())
      .returning(['id', 'idempotencyKey'])
      .execute();
    for (const r of inserted) {
      await scheduleJob(ex, { kind: OUTBOUND_DELIVER, key: `outbound:${r.idempotencyKey}`, payload: { messageId: r.id }, dueAt: at, now: at });
    }
    created += inserted.length;
  }
  return created;
}
