/** Slack incoming webhook (the address is the hooks.slack.com URL; Slack answers 200 `ok`, errors as plain-text codes). */
import { jsonWebhookChannel } from '../../channel.js';
import { slackPayload } from './payload.js';

export const slackChannel = jsonWebhookChannel('slack', slackPayload);
