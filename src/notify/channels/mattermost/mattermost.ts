/** Mattermost incoming webhook (Slack-compatible payload; answers 200 `ok`). */
import { jsonWebhookChannel } from '../../channel.js';
import { mattermostPayload } from './payload.js';

export const mattermostChannel = jsonWebhookChannel('mattermost', mattermostPayload);
