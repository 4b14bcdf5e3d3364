import { createHash } from 'node:crypto';
import { newId } from '../../platform/ids.js';

/**
 * Idempotency keys travel on the wire (`webhook-id`, the local part of the e-mail Message-ID), so they
 * are limited to `[A-Za-z0-9_-]` (no `.`, which Standard Webhooks forbids in ids, no `@` or `:`).
 */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * A key derived from what makes a notification the same notification, e.g.
 * `notificationKey('page', incidentId, userId, contactMethodId, 'level-2', 'pass-0')`: the job that
 * creates it can run twice and still create one row.
 */
export function notificationKey(...parts: string[]): string {
  return `ntf_${createHash('sha256').update(parts.join('\u001f')).digest('base64url')}`;
}

/** A fresh key, for a notification that is new by definition (a test message a person asked for). */
export function newNotificationKey(): string {
  return `ntf_${newId()}`;
}
