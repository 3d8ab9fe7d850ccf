/** /<district>/feed.xml: new disclosures and corrections of one district (src/lib/feeds.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { DistrictSummary } from '../../lib/records.ts';
import { districtStaticPaths } from '../../lib/shard-filter.ts';
import { districtFeed } from '../../lib/feeds.ts';

export const getStaticPaths = districtStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ district: DistrictSummary }> = ({ site, props: { district } }) => districtFeed('rss', district, site);
