/** Sitemap XML (sitemaps.org 0.9). */

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** A sitemap listing each absolute URL once, in the given order. */
export function sitemapXml(urls: readonly string[]): string {
  const entries = [...new Set(urls)].map((u) => `  <url><loc>${escapeXml(u)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}
