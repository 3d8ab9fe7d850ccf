/** /data/<district>/datapackage.json: one district's Frictionless Data Package (src/lib/open-data.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { DistrictSummary } from '../../../lib/records.ts';
import { districtStaticPaths } from '../../../lib/shard-filter.ts';
import { districtDataPackage } from '../../../lib/open-data.ts';
import { downloadList } from '../../../components/record/downloads.ts';

export const getStaticPaths = districtStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ district: DistrictSummary }> = ({ site, props: { district } }) => {
  if (!site) throw new Error('datapackage.json needs `site` for absolute URLs');
  const entries = district.units.flatMap((u) => u.records).map((record) => ({ record, csvs: downloadList(record) }));
  return new Response(`${JSON.stringify(districtDataPackage(district, entries, site), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
