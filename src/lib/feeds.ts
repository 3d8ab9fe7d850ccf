/**
 * The RSS feeds (/feed.xml site-wide, /<district>/feed.xml per district): one item per newly published
 * disclosure and one per correction (更正说明), newest first. A disclosure is dated by its embargo date
 * (`publishAt`, the day it went live) or else the publication date its document prints; a correction by its
 * date. Only records released as of today are in a feed, in preview builds too: drafts and embargoed
 * records never reach one. Written with @astrojs/rss.
 */
import rss from '@astrojs/rss';
import type { RecordSummary } from '../domain/record-summary.ts';
import { absoluteUrl, recordPath } from './routes.ts';
import { isReleased, releaseToday } from '../domain/release.ts';
import { districtDisplayName, siteConfig } from './site-config.ts';

/** Items per feed: readers poll the newest; the full list is /data/records.json. */
export const FEED_ITEMS = 50;

/** One feed item before rendering. */
export interface FeedEntry {
  /** Unique and stable: the record page for a disclosure, plus `#correction-<date>-<n>` for a correction. */
  guid: string;
  title: string;
  link: string;
  /** YYYY-MM-DD, or null when the document states no date (listed after the dated ones). */
  date: string | null;
  description: string;
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The entries of `records` that today's production build may show, newest first, at most FEED_ITEMS. */
export function feedEntries(records: readonly RecordSummary[], site: URL | string, today = releaseToday()): FeedEntry[] {
  const entries: FeedEntry[] = [];
  for (const r of records) {
    if (!isReleased(r, today)) continue;
    const link = absoluteUrl(recordPath(r), site);
    const name = `${r.identity.year}年${r.identity.unit}预算公开`;
    const district = districtDisplayName(r.identity.district, r.slug.district);
    entries.push({
      guid: link, link, title: `新公开：${name}`,
      date: r.release.publishAt ?? r.identity.publicationDate,
      description: `${district} · ${r.identity.unit}公开了${r.identity.year}年预算。`,
    });
    r.release.corrections.forEach((c, i) => entries.push({
      guid: `${link}#correction-${c.date}-${i + 1}`, link: `${link}#corrections`, title: `更正：${name}`,
      date: c.date, description: c.note,
    }));
  }
  return entries.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.guid.localeCompare(b.guid)).slice(0, FEED_ITEMS);
}

/** The RSS document of `entries`, served at `selfPath` (root-relative, without base). */
export function feedResponse(opts: { title: string; description: string; selfPath: string; entries: FeedEntry[]; site: URL | string }): Promise<Response> {
  const self = absoluteUrl(opts.selfPath, opts.site);
  return rss({
    title: opts.title,
    description: opts.description,
    site: absoluteUrl('/', opts.site),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-cn</language><atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
    items: opts.entries.map((e) => ({
      title: e.title,
      description: e.description,
      ...(e.date ? { pubDate: new Date(`${e.date}T00:00:00+08:00`) } : {}),
      customData: `<link>${escapeXml(e.link)}</link><guid isPermaLink="false">${escapeXml(e.guid)}</guid>`,
    })),
  });
}

/** Feed title for the whole site or one district. */
export const feedTitle = (districtName?: string): string =>
  districtName ? `${districtName}预算公开 - ${siteConfig.siteName}` : siteConfig.siteName;
