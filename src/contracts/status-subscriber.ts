import { z } from 'zod';
import { contactAddressProblem } from '../domain/access/credentials.js';
import { Id, Instant } from './common.js';
import { Email, Locale } from './user.js';

/** Status-page subscribers (SPEC §4.5): e-mail with double opt-in, and webhooks. */

export const SUBSCRIBER_CHANNELS = ['email', 'webhook'] as const;
export const SUBSCRIBER_STATUSES = ['pending_confirmation', 'active', 'unsubscribed'] as const;

const ComponentIds = z
  .array(Id)
  .max(500, 'at most 500 components')
  .describe('Components (or groups: a group also covers components added to it later); absent or empty: the whole page');

export const StatusSubscriber = z
  .object({
    id: Id,
    pageId: Id,
    channel: z.enum(SUBSCRIBER_CHANNELS),
    address: z.string().describe('The e-mail address, or the webhook URL'),
    language: Locale.describe('Language of what it is sent'),
    componentIds: z.array(Id).nullable().describe('null: the whole page'),
    status: z.enum(SUBSCRIBER_STATUSES).describe('pending_confirmation: an e-mail subscriber who has not followed the confirmation link yet (gets nothing else)'),
    signingSecret: z
      .string()
      .nullable()
      .describe('Webhooks: the Standard Webhooks secret (whsec_…) that signs every request (webhook-id, webhook-timestamp, webhook-signature); null for e-mail'),
    confirmedAt: Instant.nullable(),
    unsubscribedAt: Instant.nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'StatusSubscriber' });

/** The public subscribe form as JSON (`POST /status/{slug}/subscribe`). */
export const PublicSubscribeBody = z
  .strictObject({
    email: Email,
    componentIds: ComponentIds.optional(),
    language: Locale.optional().describe('Language of the e-mails; default: the page’s'),
  })
  .meta({ id: 'PublicSubscribe' });

export const PublicSubscribeAnswer = z
  .object({
    subscriber: z.object({
      status: z.literal('pending_confirmation').describe('Always, whether or not the address was subscribed before: a confirmation e-mail is on its way'),
    }),
  })
  .describe('No id: the answer must not tell whether (or since when) the address was subscribed')
  .meta({ id: 'PublicSubscribeAnswer' });

const WebhookUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2,000 characters')
  .refine((s) => contactAddressProblem('webhook', s) === null, 'must be an http(s) URL such as https://hooks.example.com/status');

export const CreateStatusSubscriberBody = z
  .discriminatedUnion('channel', [
    z.strictObject({
      channel: z.literal('email'),
      address: Email,
      componentIds: ComponentIds.optional(),
      language: Locale.optional(),
    }),
    z.strictObject({
      channel: z.literal('webhook'),
      address: WebhookUrl,
      componentIds: ComponentIds.optional(),
      language: Locale.optional(),
    }),
  ])
  .describe(
    'E-mail subscribers still confirm by the link they are sent (double opt-in); webhooks are active at once. Webhook requests are JSON POSTs signed per Standard Webhooks: ' +
      '`{ meta: { unsubscribe, documentation }, page: { id, status_indicator, status_description }, incident: <Statuspage v2 incident object> }`.',
  )
  .meta({ id: 'CreateStatusSubscriber' });

export const SubscriberParams = z.strictObject({ id: Id, subscriberId: Id });

/** The public link routes: `/status/{slug}/subscribers/{id}/confirm|unsubscribe?token=`. */
export const PublicSubscriberParams = z.strictObject({ slug: z.string().min(1).max(63), id: z.string().min(1).max(100) });
export const PublicPageParams = z.strictObject({ slug: z.string().min(1).max(63) });
export const LinkQuery = z.object({ token: z.string().max(200).optional() });
