/** Microsoft Teams through a Workflows webhook URL (answers 202 Accepted; any 2xx is success). */
import { jsonWebhookChannel } from '../../channel.js';
import { teamsPayload } from './payload.js';

export const teamsChannel = jsonWebhookChannel('teams', teamsPayload);
