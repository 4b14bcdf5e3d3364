/**
 * Escaping for the feeds (feed.ts). Everything a person wrote goes through `escapeXml`: the five
 * markup characters become entities (so `]]>` and `<script>` are inert, and no CDATA section is ever
 * needed), and characters XML 1.0 cannot carry at all, not even escaped (C0 controls other than tab,
 * newline and carriage return, U+FFFE/U+FFFF, lone surrogates), are dropped. Japanese and every other
 * text passes through as UTF-8.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to drop
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or attribute value, safe inside XML (and HTML) markup. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** An element with escaped text content; attributes are escaped too. */
export function element(name: string, text: string, attributes: Record<string, string> = {}): string {
  return `<${name}${attributesOf(attributes)}>${escapeXml(text)}</${name}>`;
}

/** An empty element with escaped attributes. */
export const emptyElement = (name: string, attributes: Record<string, string>): string => `<${name}${attributesOf(attributes)}/>`;

const attributesOf = (attributes: Record<string, string>) =>
  Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
