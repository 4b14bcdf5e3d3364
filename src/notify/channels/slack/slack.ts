/** Slack incoming webhook (the contact method's address is the hooks.slack.com URL). */
import type { Channel } from '../../channel.js';
import { fromHttp } from '../../channel.js';
import { slackPayload } from './payload.js';

export const slackChannel: Channel<'slack'> = {
  type: 'slack',
  async send(message, address, ctx) {
    const r = await ctx.http({
      url: address,
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(slackPayload(message)),
    });
    // Slack answers 200 `ok`; errors are plain-text codes (invalid_payload, channel_not_found …).
    return fromHttp(r);
  },
};
