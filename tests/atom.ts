/**
 * Reads a built Atom 1.0 feed the way a feed reader does (fast-xml-parser), and checks what RFC 4287 requires:
 * well-formed XML, a <feed> in the Atom namespace with id, title and updated; every entry an id, a title, an
 * updated date (RFC 3339) and a link; absolute URLs and unique ids. `type="html"` text is decoded as a
 * reader shows it. Throws on the first problem, naming it.
 */
import { decodeHTML } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { RssItem } from './rss.ts';

/** An entry, in the shape of an RSS item (`guid` is the Atom id) so that the two feeds compare directly. */
export type AtomEntry = RssItem;

export interface AtomFeed {
  id: string;
  title: string;
  /** The link rel="self" href. */
  self: string | undefined;
  /** ISO date (YYYY-MM-DD, Beijing time) of the feed's updated. */
  updated: string;
  entries: AtomEntry[];
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const text = (v: unknown): string => (typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)['#text'] ?? '') : String(v ?? ''));

/** Text of an Atom text construct as a reader shows it (`type="html"`: the markup is decoded, tags are not expected). */
function textConstruct(v: unknown, what: string): string {
  const t = text(v);
  const type = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)['@_type'] : undefined;
  if (type === 'html') {
    if (/<[a-z!/]/i.test(t)) throw new Error(`${what}: markup in type="html" text: ${t}`);
    return decodeHTML(t);
  }
  return t;
}

function absolute(url: string, what: string): string {
  if (!/^https?:\/\//.test(url)) throw new Error(`${what}: not an absolute URL: ${url}`);
  new URL(url);
  return url;
}

function date(v: unknown, what: string): string {
  const d = text(v);
  if (!RFC3339.test(d)) throw new Error(`${what}: not an RFC 3339 date: ${d}`);
  return new Date(Date.parse(d) + 8 * 3600_000).toISOString().slice(0, 10);
}

const links = (v: unknown): Record<string, string>[] => (Array.isArray(v) ? v : v ? [v] : []) as Record<string, string>[];

export function parseAtom(xml: string): AtomFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'entry' }).parse(xml);
  const feed = doc.feed;
  if (!feed || feed['@_xmlns'] !== 'http://www.w3.org/2005/Atom') throw new Error('no <feed xmlns="http://www.w3.org/2005/Atom">');
  for (const field of ['id', 'title', 'updated']) if (!text(feed[field])) throw new Error(`feed: no <${field}>`);
  const entries: AtomEntry[] = (feed.entry ?? []).map((e: Record<string, unknown>, i: number) => {
    const what = `entry ${i + 1}`;
    for (const field of ['id', 'title', 'updated']) if (!text(e[field])) throw new Error(`${what}: no <${field}>`);
    const link = links(e.link).find((l) => (l['@_rel'] ?? 'alternate') === 'alternate')?.['@_href'];
    if (!link) throw new Error(`${what}: no link`);
    return {
      title: textConstruct(e.title, `${what} title`), link: absolute(link, `${what} link`), guid: text(e.id),
      date: date(e.updated, `${what} updated`), description: textConstruct(e.summary, `${what} summary`),
    };
  });
  const ids = entries.map((e) => e.guid);
  if (new Set(ids).size !== ids.length) throw new Error('every entry needs its own id');
  const self = links(feed.link).find((l) => l['@_rel'] === 'self')?.['@_href'];
  return { id: text(feed.id), title: text(feed.title), self, updated: date(feed.updated, 'feed updated'), entries };
}
