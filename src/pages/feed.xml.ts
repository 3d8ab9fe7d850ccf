/** /feed.xml: new disclosures and corrections of the whole site (src/lib/feeds.ts). */
import type { APIRoute } from 'astro';
import { getSiteData, paths } from '../lib/records.ts';
import { feedEntries, feedResponse, feedTitle } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('feed.xml needs `site` (gongkai.config.ts url or GONGKAI_SITE)');
  const data = await getSiteData();
  return feedResponse({
    title: feedTitle(), description: '新公开的部门预算、单位预算和更正说明', selfPath: paths.feed,
    entries: feedEntries(data.records, site), site,
  });
};
