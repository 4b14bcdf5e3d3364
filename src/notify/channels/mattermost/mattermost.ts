/** Mattermost incoming webhook (Slack-compatible payload; answers 200 `ok`). */
import type { Channel } from '../../channel.js';
import { fromHttp } from '../../channel.js';
import { mattermostPayload } from './payload.js';

export const mattermostChannel: Channel<'mattermost'> = {
  type: 'mattermost',
  async send(message, address, ctx) {
    const r = await ctx.http({
      url: address,
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(mattermostPayload(message)),
    });
    return fromHttp(r);
  },
};
