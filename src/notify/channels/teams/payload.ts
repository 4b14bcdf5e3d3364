/**
 * A Microsoft Teams message for a Workflows "post to a channel when a webhook request is received"
 * URL: an Adaptive Card 1.2 wrapped in a `message`, laid out as Alertmanager's msteamsv2 notifier does
 * (reference/interop.md §6.3, TV-14), with a FactSet for the fields and OpenUrl buttons.
 */
import type { RenderedMessage } from '../../render/message.js';

const COLOR = { attention: 'Attention', good: 'Good', warning: 'Warning' } as const;

export function teamsPayload(m: RenderedMessage): Record<string, unknown> {
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: m.headline, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading', color: COLOR[m.tone] },
    { type: 'TextBlock', text: m.summary, wrap: true },
    { type: 'TextBlock', text: m.intro, wrap: true, isSubtle: true },
  ];
  if (m.fields.length) body.push({ type: 'FactSet', facts: m.fields.map((f) => ({ title: f.label, value: f.value })) });
  if (m.actions.length) body.push({ type: 'ActionSet', actions: m.actions.map((a) => ({ type: 'Action.OpenUrl', title: a.label, url: a.url })) });
  const note = [m.expiryNote, m.footer].filter(Boolean).join(' • ');
  body.push({ type: 'TextBlock', text: note, wrap: true, size: 'Small', isSubtle: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.2',
          body,
          msteams: { width: 'full' },
        },
      },
    ],
  };
}
