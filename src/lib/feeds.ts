/**
 * The RSS feeds (/feed.xml site-wide, /<district>/feed.xml per district): one item per newly published
 * disclosure and one per correction (更正说明), newest first. A disclosure is dated by its embargo date
 * (`publishAt`, the day it went live) or else the publication date its document prints; a correction by its
 * date. Only records released as of today are in a feed, in preview builds too: drafts and embargoed
 * records never reach one. Written with @astrojs/rss; the same entries as Atom 1.0 (/atom.xml,
 * /<district>/atom.xml) with `feed`.
 */
import rss from '@astrojs/rss';
import { Feed } from 'feed';
import type { RecordSummary } from '../domain/record-summary.ts';
import { absoluteUrl, districtAtomPath, districtFeedPath, paths, recordPath } from './routes.ts';
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

/** The start of a calendar day in Asia/Shanghai, the time zone of every date the documents and sidecars give. */
const dayStart = (date: string): Date => new Date(`${date}T00:00:00+08:00`);

/**
 * The Atom 1.0 document of `entries`, served at `selfPath` (root-relative, without base). Atom requires a date
 * on every entry: an entry whose document states none is left out (never dated by guess; the RSS feed and
 * /data/records.json list it). The feed's `updated` is its newest entry's date (`today` when it has none),
 * so the same content gives the same bytes. Seed text is HTML-escaped, then the library marks it `type="html"`.
 */
export function atomResponse(opts: { title: string; description: string; selfPath: string; entries: FeedEntry[]; site: URL | string; today?: string }): Response {
  const dated = opts.entries.filter((e): e is FeedEntry & { date: string } => e.date !== null);
  const home = absoluteUrl('/', opts.site);
  const feed = new Feed({
    id: absoluteUrl(opts.selfPath, opts.site),
    title: opts.title,
    description: opts.description,
    link: home,
    language: 'zh-cn',
    updated: dayStart(dated[0]?.date ?? opts.today ?? releaseToday()),
    generator: false,
    feedLinks: { atom: absoluteUrl(opts.selfPath, opts.site) },
    author: { name: siteConfig.organisation },
  });
  for (const e of dated) {
    feed.addItem({ id: e.guid, title: escapeXml(e.title), link: e.link, date: dayStart(e.date), description: escapeXml(e.description) });
  }
  return new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}

/** Feed title for the whole site or one district. */
const feedTitle = (districtName?: string): string =>
  districtName ? `${districtName}预算公开 - ${siteConfig.siteName}` : siteConfig.siteName;

/** The two formats of every feed: RSS 2.0 (`feed.xml`) and Atom 1.0 (`atom.xml`). */
type FeedFormat = 'rss' | 'atom';

const respond = (format: FeedFormat, opts: Parameters<typeof feedResponse>[0]): Promise<Response> | Response =>
  (format === 'rss' ? feedResponse(opts) : atomResponse(opts));

/** The site-wide feed of `records` (the build's visible records). */
export function siteFeed(format: FeedFormat, records: readonly RecordSummary[], site: URL | undefined): Promise<Response> | Response {
  if (!site) throw new Error(`${format === 'rss' ? paths.feed : paths.atom} needs \`site\` (gongkai.config.ts url or GONGKAI_SITE)`);
  return respond(format, {
    title: feedTitle(), description: '新公开的部门预算、单位预算和更正说明', selfPath: format === 'rss' ? paths.feed : paths.atom,
    entries: feedEntries(records, site), site,
  });
}

/** One district's feed. */
export function districtFeed(
  format: FeedFormat, district: { slug: string; name: string; units: { records: RecordSummary[] }[] }, site: URL | undefined,
): Promise<Response> | Response {
  const selfPath = format === 'rss' ? districtFeedPath(district.slug) : districtAtomPath(district.slug);
  if (!site) throw new Error(`${selfPath} needs \`site\` (gongkai.config.ts url or GONGKAI_SITE)`);
  return respond(format, {
    title: feedTitle(district.name), description: `${district.name}新公开的部门预算、单位预算和更正说明`,
    selfPath, entries: feedEntries(district.units.flatMap((u) => u.records), site), site,
  });
}
