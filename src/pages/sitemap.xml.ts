/** /sitemap.xml: every indexable page of the visible records and the index pages, as absolute URLs (with base). */
import type { APIRoute } from 'astro';
import { absoluteUrl, districtPath, getSiteData, paths, recordPath, unitPath, yearPath } from '../lib/records.ts';
import { sitemapXml } from '../lib/sitemap.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('sitemap.xml needs `site` in astro.config.mjs');
  const data = await getSiteData();
  const pagePaths = [
    paths.home, paths.years, paths.data, paths.guide, paths.glossary,
    ...data.years.map((y) => yearPath(y)),
    ...data.districts.flatMap((d) => [
      districtPath(d.slug),
      ...d.units.flatMap((u) => [unitPath(u.latest), ...u.records.map(recordPath)]),
    ]),
  ];
  return new Response(sitemapXml(pagePaths.map((p) => absoluteUrl(p, site))), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
