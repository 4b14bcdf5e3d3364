/** The public surface of notification delivery (see ARCHITECTURE.md, "Notifications"). */
export type { Channel, ChannelContext, DeliveryResult, NotifyConfig } from './channel.js';
export { CHANNELS, channelFor } from './registry.js';
export { attemptDelivery, type AttemptResult, type DeliveryDeps, type SettledEvent } from './delivery/attempt.js';
export { cancelNotifications, createNotifications, type CreatedNotification, type NewNotification } from './delivery/create.js';
export { newNotificationKey, notificationKey } from './delivery/keys.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from './delivery/backoff.js';
export { webhookSigningSecret } from './channels/webhook/secret.js';
export { signWebhook, verifyWebhook } from './channels/webhook/signature.js';
export { signLink, verifyLink, respondUrl, type LinkData, type VerifyResult } from './render/links.js';
export { renderRespondPage, renderRespondResultPage, linkActionApplies, type RespondOutcome } from './render/respond-page.js';
export { createDeliveryDeps, type NotifySettings } from './setup.js';
export { smsSegments, fitSms } from './channels/sms/segments.js';
