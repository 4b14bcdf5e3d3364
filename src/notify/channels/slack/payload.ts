/**
 * A Slack incoming-webhook message in Block Kit (reference/interop.md §6.1, TV-14): `text` is always
 * sent (notifications and fallbacks use it), then header, summary, fields, buttons, context. Limits
 * are respected by cutting: header 150, section text 3,000, field 2,000, button text 75 characters.
 */
import type { RenderedMessage } from '../../render/message.js';

/** Slack mrkdwn needs only these three escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export interface SlackMessage {
  text: string;
  blocks: Record<string, unknown>[];
}

export function slackPayload(m: RenderedMessage): SlackMessage {
  const inc = m.input.incident;
  const blocks: Record<string, unknown>[] = [{ type: 'header', text: { type: 'plain_text', text: cut(m.headline, 150) } }];
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: cut(`${escapeMrkdwn(m.intro)}\n*${escapeMrkdwn(m.summary)}*`, 3000) } });
  if (m.fields.length) {
    blocks.push({
      type: 'section',
      fields: m.fields.slice(0, 10).map((f) => {
        // Slack shows <!date> in each reader's own zone; the fallback is the recipient's rendering.
        const value = f.instant
          ? `<!date^${Math.floor(Date.parse(f.instant) / 1000)}^{date_short_pretty} {time}|${escapeMrkdwn(f.value)}>`
          : escapeMrkdwn(f.value);
        return { type: 'mrkdwn', text: cut(`*${escapeMrkdwn(f.label)}:*\n${value}`, 2000) };
      }),
    });
  }
  if (m.actions.length) {
    blocks.push({
      type: 'actions',
      elements: m.actions.map((a) => ({
        type: 'button',
        text: { type: 'plain_text', text: cut(a.label, 75) },
        url: a.url,
        ...(a.kind === 'acknowledge' ? { style: 'danger' } : a.kind === 'resolve' ? { style: 'primary' } : {}),
      })),
    });
  }
  const context = [m.expiryNote, m.footer].filter(Boolean).join('  •  ');
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: cut(escapeMrkdwn(context), 3000) }] });
  const fallback = inc ? `[${inc.severity}][${inc.status}] ${m.headline}` : m.subject;
  return { text: cut(fallback, 3000), blocks };
}
