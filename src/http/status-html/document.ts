/**
 * The HTML document around every status page view: language, viewport, the inline stylesheet, and
 * nothing that loads from elsewhere or runs (the route's CSP is `default-src 'none'; style-src
 * 'unsafe-inline'; img-src data:; form-action 'self'`).
 */
import { escapeHtml } from '../../notify/render/html.js';
import type { PageLanguage } from './strings.js';
import { STYLE } from './styles.js';

export interface DocumentInput {
  language: PageLanguage;
  title: string;
  /** Internal pages and result pages stay out of search engines. */
  noindex: boolean;
  /** Extra `<head>` markup, already escaped (feed links). */
  head?: string;
  /** The `<body>` content, already escaped. */
  body: string;
}

export function renderDocument(input: DocumentInput): string {
  return `<!doctype html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="strict-origin-when-cross-origin">
${input.noindex ? '<meta name="robots" content="noindex, nofollow">\n' : ''}<title>${escapeHtml(input.title)}</title>
${input.head ?? ''}<style>${STYLE}</style>
</head>
<body>
<div class="wrap">
${input.body}
</div>
</body>
</html>
`;
}

/**
 * A path from the route (`/status/acme`, or `` on a custom domain) made safe for an `href`: each
 * segment percent-encoded, always starting with `/`, so no data can turn it into another scheme or
 * host (`javascript:`, `//evil`).
 */
export function safeBasePath(basePath: string): string {
  const segments = basePath.split('/').filter((s) => s !== '');
  return segments.map((s) => `/${encodeSegment(safeDecode(s))}`).join('');
}

/** encodeURIComponent, also for the few characters it leaves (`!'()*`), so a path is plain ASCII. */
const encodeSegment = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** `basePath` + a fixed suffix (`/feed.atom`), escaped for an attribute. */
export const hrefOf = (basePath: string, suffix: string): string => escapeHtml(`${safeBasePath(basePath)}${suffix}`);
