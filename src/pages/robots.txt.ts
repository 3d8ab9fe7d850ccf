/** /robots.txt: points crawlers to the sitemap; a preview build is closed to crawlers. */
import type { APIRoute } from 'astro';
import { absoluteUrl, isPreview, paths } from '../lib/records.ts';

export const GET: APIRoute = ({ site }) => {
  const rules = isPreview() ? 'Disallow: /' : 'Allow: /';
  const sitemap = site ? `Sitemap: ${absoluteUrl(paths.sitemap, site)}\n` : '';
  return new Response(`User-agent: *\n${rules}\n${sitemap}`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
