/**
 * A Mattermost incoming-webhook message: Mattermost reads Slack's `text` and legacy `attachments`
 * (not Block Kit), with Markdown links `[label](url)`.
 */
import type { RenderedMessage } from '../../render/message.js';

const COLOR = { attention: '#B91C1C', good: '#15803D', warning: '#A16207' } as const;

/** Markdown link text cannot contain brackets; URLs here are ours (no spaces or parentheses). */
const linkLabel = (s: string) => s.replace(/[[\]]/g, '');

export function mattermostPayload(m: RenderedMessage): Record<string, unknown> {
  const links = m.actions.map((a) => `[${linkLabel(a.label)}](${a.url})`).join(' · ');
  const text = [m.intro, links, m.expiryNote].filter(Boolean).join('\n');
  return {
    text: m.input.incident ? `**${m.subject}**` : m.subject,
    attachments: [
      {
        fallback: m.subject,
        color: COLOR[m.tone],
        title: m.headline,
        ...(m.input.links.incident ? { title_link: m.input.links.incident } : {}),
        text,
        fields: m.fields.map((f) => ({ title: f.label, value: f.value, short: true })),
        footer: m.footer,
      },
    ],
  };
}
