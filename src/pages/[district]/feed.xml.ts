/** /<district>/feed.xml: new disclosures and corrections of one district (src/lib/feeds.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { districtFeedPath, type DistrictSummary } from '../../lib/records.ts';
import { districtStaticPaths } from '../../lib/shard-filter.ts';
import { feedEntries, feedResponse, feedTitle } from '../../lib/feeds.ts';

export const getStaticPaths = districtStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ district: DistrictSummary }> = ({ site, props: { district } }) => {
  if (!site) throw new Error('feed.xml needs `site` (gongkai.config.ts url or GONGKAI_SITE)');
  return feedResponse({
    title: feedTitle(district.name), description: `${district.name}新公开的部门预算、单位预算和更正说明`,
    selfPath: districtFeedPath(district.slug), entries: feedEntries(district.units.flatMap((u) => u.records), site), site,
  });
};
