/** /atom.xml: /feed.xml as Atom 1.0 (src/lib/feeds.ts). */
import type { APIRoute } from 'astro';
import { getSiteData } from '../lib/records.ts';
import { siteFeed } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => siteFeed('atom', (await getSiteData()).records, site);
