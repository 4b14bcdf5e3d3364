/** Tables of the [oncall] work: filled in with their migration (migrations/2026-11-22-19xx-notifications.ts). */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the work that owns it
export interface NotificationTables {}
