/** Microsoft Teams through a Workflows webhook URL (answers 202 Accepted; any 2xx is success). */
import type { Channel } from '../../channel.js';
import { fromHttp } from '../../channel.js';
import { teamsPayload } from './payload.js';

export const teamsChannel: Channel<'teams'> = {
  type: 'teams',
  async send(message, address, ctx) {
    const r = await ctx.http({
      url: address,
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(teamsPayload(message)),
    });
    return fromHttp(r);
  },
};
