/**
 * Where a status page is read: its custom domain when it has one (edge case 48: subscriber e-mails,
 * feeds and unsubscribe links use it), else HIKESHI_PUBLIC_URL/status/{slug}. No trailing slash.
 */
export function pageUrl(page: { slug: string; hostname: string | null }, publicUrl: string): string {
  if (page.hostname) return `https://${page.hostname}`;
  return `${publicUrl.replace(/\/+$/, '')}/status/${encodeURIComponent(page.slug)}`;
}
