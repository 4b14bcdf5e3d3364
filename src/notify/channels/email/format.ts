/** The text and HTML parts of a notification e-mail (inline styles only: mail clients strip the rest). */
import type { RenderedMessage } from '../../render/message.js';
import { escapeHtml } from '../../render/html.js';

export function emailText(m: RenderedMessage): string {
  const lines = [m.intro, '', m.headline, m.summary, ''];
  for (const f of m.fields) lines.push(`${f.label}: ${f.value}`);
  if (m.fields.length) lines.push('');
  for (const a of m.actions) lines.push(`${a.label}: ${a.url}`);
  if (m.expiryNote) lines.push('', m.expiryNote);
  lines.push('', '-- ', m.footer);
  return `${lines.join('\n')}\n`;
}

const BUTTON: Record<string, string> = { open: '#3f3f46', acknowledge: '#b91c1c', resolve: '#15803d' };

export function emailHtml(m: RenderedMessage): string {
  const rows = m.fields
    .map((f) => `<tr><td style="padding:4px 12px 4px 0;color:#52525b;white-space:nowrap">${escapeHtml(f.label)}</td><td style="padding:4px 0">${escapeHtml(f.value)}</td></tr>`)
    .join('');
  const buttons = m.actions
    .map(
      (a) =>
        `<a href="${escapeHtml(a.url)}" style="display:inline-block;margin:0 8px 8px 0;padding:12px 18px;border-radius:8px;background:${BUTTON[a.kind]};color:#ffffff;text-decoration:none;font-weight:600">${escapeHtml(a.label)}</a>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${m.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(m.subject)}</title></head>
<body style="margin:0;padding:16px;font-family:sans-serif;font-size:16px;line-height:1.5;color:#18181b">
<p>${escapeHtml(m.intro)}</p>
<h1 style="font-size:20px;margin:12px 0">${escapeHtml(m.headline)}</h1>
<p style="color:#52525b">${escapeHtml(m.summary)}</p>
${rows ? `<table style="border-collapse:collapse;margin:12px 0">${rows}</table>` : ''}
${buttons ? `<p>${buttons}</p>` : ''}
${m.expiryNote ? `<p style="color:#52525b;font-size:14px">${escapeHtml(m.expiryNote)}</p>` : ''}
<p style="color:#71717a;font-size:13px">${escapeHtml(m.footer)}</p>
</body></html>
`;
}
