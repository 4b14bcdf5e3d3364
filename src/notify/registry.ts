/**
 * Every channel, one line each. Typed by CONTACT_TYPES: a contact type without a channel, or a
 * channel under the wrong key, does not compile.
 */
import type { ContactType } from '../domain/access/credentials.js';
import type { Channel } from './channel.js';
import { emailChannel } from './channels/email/email.js';
import { mattermostChannel } from './channels/mattermost/mattermost.js';
import { slackChannel } from './channels/slack/slack.js';
import { smsChannel } from './channels/sms/sms.js';
import { teamsChannel } from './channels/teams/teams.js';
import { voiceChannel } from './channels/voice/voice.js';
import { webhookChannel } from './channels/webhook/webhook.js';

export type ChannelRegistry = { readonly [K in ContactType]: Channel<K> };

export const CHANNELS: ChannelRegistry = {
  email: emailChannel,
  webhook: webhookChannel,
  slack: slackChannel,
  teams: teamsChannel,
  mattermost: mattermostChannel,
  sms: smsChannel,
  voice: voiceChannel,
};

export function channelFor(type: string, registry: ChannelRegistry = CHANNELS): Channel | null {
  return Object.hasOwn(registry, type) ? (registry[type as ContactType] as Channel) : null;
}
