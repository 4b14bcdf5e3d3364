/**
 * Where a webhook contact method's signing secret comes from: derived, not stored.
 *
 *   secret = "whsec_" + base64(HMAC-SHA256(HIKESHI_SECRET, "hikeshi/webhook-signing/v1:" + contactMethodId))
 *
 * - Nothing to store or encrypt: every instance computes the same secret from the shared
 *   HIKESHI_SECRET (SPEC §3) and the contact method's id, so no schema change and no plaintext
 *   secret at rest.
 * - The owner of the contact method can be shown it at any time (an API read computes it).
 * - Rotation: delete the contact method and add it again (a new id gives a new secret). Changing
 *   HIKESHI_SECRET rotates every webhook secret at once (and invalidates outstanding links).
 * - 32 bytes of key material, within Standard Webhooks' 24–64.
 */
import { createHmac } from 'node:crypto';

export function webhookSigningSecret(hikeshiSecret: string, contactMethodId: string): string {
  const key = createHmac('sha256', hikeshiSecret).update(`hikeshi/webhook-signing/v1:${contactMethodId}`).digest();
  return `whsec_${key.toString('base64')}`;
}
