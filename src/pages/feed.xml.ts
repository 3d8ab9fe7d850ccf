/** /feed.xml: new disclosures and corrections of the whole site (src/lib/feeds.ts). */
import type { APIRoute } from 'astro';
import { getSiteData } from '../lib/records.ts';
import { siteFeed } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => siteFeed('rss', (await getSiteData()).records, site);
