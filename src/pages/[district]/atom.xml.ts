/** /<district>/atom.xml: /<district>/feed.xml as Atom 1.0 (src/lib/feeds.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { DistrictSummary } from '../../lib/records.ts';
import { districtStaticPaths } from '../../lib/shard-filter.ts';
import { districtFeed } from '../../lib/feeds.ts';

export const getStaticPaths = districtStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ district: DistrictSummary }> = ({ site, props: { district } }) => districtFeed('atom', district, site);
