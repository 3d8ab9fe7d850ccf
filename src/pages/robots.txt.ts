/** /robots.txt: points crawlers to the sitemap; a preview build and the sample site without an address are closed to crawlers. */
import type { APIRoute } from 'astro';
import { absoluteUrl, isPreview, paths } from '../lib/records.ts';
import { unaddressedDemo } from '../lib/site-config.ts';

export const GET: APIRoute = ({ site }) => {
  const rules = isPreview() || unaddressedDemo(site) ? 'Disallow: /' : 'Allow: /';
  const sitemap = site ? `Sitemap: ${absoluteUrl(paths.sitemap, site)}\n` : '';
  return new Response(`User-agent: *\n${rules}\n${sitemap}`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
