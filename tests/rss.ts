/**
 * Reads a built RSS 2.0 feed the way a feed reader does (fast-xml-parser), and checks what RSS 2.0 requires
 * (https://www.rssboard.org/rss-specification): well-formed XML, <rss version="2.0"> with one <channel>
 * holding title, link and description; every item a title or description, an RFC 822 pubDate when dated,
 * absolute links and unique guids. Throws on the first problem, naming it.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface RssItem {
  title: string;
  link: string;
  guid: string;
  /** ISO date (YYYY-MM-DD, Beijing time) of pubDate, or null. */
  date: string | null;
  description: string;
}

export interface RssFeed {
  title: string;
  link: string;
  /** The atom:link rel="self" href. */
  self: string | undefined;
  items: RssItem[];
}

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

const text = (v: unknown): string => (typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)['#text'] ?? '') : String(v ?? ''));

function absolute(url: string, what: string): string {
  if (!/^https?:\/\//.test(url)) throw new Error(`${what}: not an absolute URL: ${url}`);
  new URL(url);
  return url;
}

export function parseRss(xml: string): RssFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'item' || name === 'channel' }).parse(xml);
  const rss = doc.rss;
  if (!rss || rss['@_version'] !== '2.0') throw new Error('no <rss version="2.0">');
  if (rss.channel?.length !== 1) throw new Error('an RSS document holds exactly one <channel>');
  const ch = rss.channel[0];
  for (const field of ['title', 'link', 'description']) if (!text(ch[field])) throw new Error(`channel: no <${field}>`);
  const items: RssItem[] = (ch.item ?? []).map((it: Record<string, unknown>, i: number) => {
    const what = `item ${i + 1}`;
    if (!text(it.title) && !text(it.description)) throw new Error(`${what}: neither title nor description`);
    const pubDate = it.pubDate === undefined ? null : text(it.pubDate);
    if (pubDate !== null && !RFC822.test(pubDate)) throw new Error(`${what}: pubDate is not RFC 822: ${pubDate}`);
    const date = pubDate === null ? null : new Date(Date.parse(pubDate) + 8 * 3600_000).toISOString().slice(0, 10);
    return { title: text(it.title), link: absolute(text(it.link), `${what} link`), guid: text(it.guid), date, description: text(it.description) };
  });
  const guids = items.map((i) => i.guid);
  if (guids.some((g) => !g) || new Set(guids).size !== guids.length) throw new Error('every item needs its own guid');
  const atom = ch['atom:link'];
  return { title: text(ch.title), link: absolute(text(ch.link), 'channel link'), self: atom?.['@_href'], items };
}
