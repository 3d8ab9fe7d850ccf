/** /data/datapackage.json: Frictionless Data Package of every visible download. */
import type { APIRoute } from 'astro';
import { getSiteData } from '../../lib/records.ts';
import { dataPackage } from '../../lib/open-data.ts';
import { downloadList } from '../../components/record/downloads.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('datapackage.json needs `site` in astro.config.mjs for absolute URLs');
  const data = await getSiteData();
  const entries = data.records.map((record) => ({ record, csvs: downloadList(record) }));
  return new Response(`${JSON.stringify(dataPackage(entries, site, data.districts.map((d) => d.slug)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
