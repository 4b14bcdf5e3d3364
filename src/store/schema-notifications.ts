/**
 * Tables of notification delivery (migrations/2026-11-22-1910-notifications.ts). Instants are ISO
 * text, JSON is text, like every other table.
 */
export interface NotificationTable {
  id: string;
  /** null for notifications about no incident (a test message). */
  incidentId: string | null;
  userId: string;
  /** null once the contact method was deleted (the notification then fails, its history stays). */
  contactMethodId: string | null;
  /** The contact method's type when the notification was created: email | webhook | slack | … */
  channel: string;
  /** page | test | reminder */
  purpose: string;
  /** The incident's urgency (1–3, 1 highest) when paged; null when not about an incident. */
  urgency: number | null;
  /** Unique; on the wire as webhook-id and the e-mail Message-ID, the same on every attempt. */
  idempotencyKey: string;
  /** pending | delivered | failed | cancelled */
  status: string;
  attempts: number;
  /** JSON: what the caller wants rendered besides the incident (e.g. the escalation level). */
  data: string;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
  /** When a pending notification should be tried again (after a transient or unknown outcome). */
  nextAttemptAt: string | null;
  /** An attempt holds the row until then (one attempt at a time across workers). */
  leaseUntil: string | null;
  lastError: string | null;
  /** Why it was held back last: quiet_hours (the person's quiet hours) | throttled (per-number limits); null: never. */
  deferredReason: string | null;
  /** Until when it was held back (kept after delivery, for the record). */
  deferredUntil: string | null;
}

export interface DeliveryAttemptTable {
  id: string;
  notificationId: string;
  /** 1, 2, 3 … */
  attempt: number;
  startedAt: string;
  /** null while sending (or when the process died mid-send: read as unknown). */
  finishedAt: string | null;
  /** delivered | transient | permanent | unknown; null while sending. */
  outcome: string | null;
  /** HTTP status, or the SMTP reply code for e-mail. */
  httpStatus: number | null;
  code: string | null;
  error: string | null;
  retryAt: string | null;
  /** The phone number of an SMS or voice attempt (throttling counts by it); null for other channels. */
  destination: string | null;
}

export interface NotificationTables {
  notification: NotificationTable;
  deliveryAttempt: DeliveryAttemptTable;
}
