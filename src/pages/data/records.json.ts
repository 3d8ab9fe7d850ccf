/** /data/records.json: every published record's URLs and key figures (src/lib/open-data.ts). */
import type { APIRoute } from 'astro';
import { getVisibleRecords } from '../../lib/records.ts';
import { recordsIndex } from '../../lib/open-data.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('records.json needs `site` for absolute URLs');
  return new Response(`${JSON.stringify(recordsIndex(await getVisibleRecords(), site), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
