import { describe, expect, test } from 'vitest';
import { atomResponse, feedEntries, feedResponse, FEED_ITEMS } from '../feeds.ts';
import { summarize } from '../../domain/record-summary.ts';
import { seedRecord, seedWith } from '../../components/record/__tests__/fixture.ts';
import { parseRss } from '../../../tests/rss.ts';
import { parseAtom } from '../../../tests/atom.ts';

const SITE = 'https://yusuan.example.gov.cn/';
const TODAY = '2026-03-20';
const release = (r: ReturnType<typeof seedRecord>, patch: Partial<ReturnType<typeof seedRecord>['release']>) =>
  summarize(seedWith('000', { release: { ...r.release, ...patch } }));

describe('feed entries', () => {
  const base = seedRecord('000');
  test('a published disclosure is dated by publishAt, else by its publication date', () => {
    const [byDoc] = feedEntries([summarize(base)], SITE, TODAY);
    expect(byDoc!.date).toBe(base.identity.publicationDate);
    expect(byDoc!.title).toBe(`新公开：2026年${base.identity.unit}预算公开`);
    expect(byDoc!.link).toBe(`${SITE}kaizhou/zhengwuxinxizhongxin/2026/`);
    const [byEmbargo] = feedEntries([release(base, { publishAt: '2026-03-18' })], SITE, TODAY);
    expect(byEmbargo!.date).toBe('2026-03-18');
  });

  test('drafts and records still under embargo are never in a feed', () => {
    expect(feedEntries([release(base, { status: 'draft' })], SITE, TODAY)).toEqual([]);
    expect(feedEntries([release(base, { publishAt: '2026-03-21' })], SITE, TODAY)).toEqual([]);
    expect(feedEntries([release(base, { status: 'draft', corrections: [{ date: '2026-03-19', note: '更正。' }] })], SITE, TODAY)).toEqual([]);
  });

  test('each correction is its own item, dated, with its note and a unique guid; newest first', () => {
    const r = release(base, { corrections: [{ date: '2026-03-15', note: '更正了公务接待费。' }, { date: '2026-03-19', note: '更正了合计。' }] });
    const entries = feedEntries([r], SITE, TODAY);
    expect(entries.map((e) => [e.date, e.title.slice(0, 3)])).toEqual([
      ['2026-03-19', '更正：'], ['2026-03-15', '更正：'], [base.identity.publicationDate, '新公开'],
    ]);
    expect(entries[0]!.description).toBe('更正了合计。');
    expect(new Set(entries.map((e) => e.guid)).size).toBe(3);
  });

  test(`at most ${FEED_ITEMS} items`, () => {
    const many = Array.from({ length: FEED_ITEMS + 5 }, (_, i) => ({ ...summarize(base), id: `x/y/${i}`, identity: { ...base.identity, year: 1900 + i } }));
    expect(feedEntries(many, SITE, TODAY)).toHaveLength(FEED_ITEMS);
  });
});

test('the RSS document escapes seed text and names itself', async () => {
  const text = await (await feedResponse({
    title: 'T', description: 'D', selfPath: '/feed.xml', site: SITE,
    entries: [{ guid: `${SITE}a/`, link: `${SITE}a/?x=1&y=<2>`, title: '<script>alert(1)</script>', date: '2026-03-01', description: 'a & b' }],
  })).text();
  expect(text).toContain('<atom:link href="https://yusuan.example.gov.cn/feed.xml" rel="self" type="application/rss+xml"/>');
  expect(text).toContain('<link>https://yusuan.example.gov.cn/a/?x=1&amp;y=&lt;2&gt;</link>');
  expect(text).not.toContain('<script>');
  expect(text).toContain('<pubDate>Sat, 28 Feb 2026 16:00:00 GMT</pubDate>');
});

test('the RSS document is valid RSS 2.0 as a feed reader parses it; the checker refuses what is not', async () => {
  const entries = feedEntries([release(seedRecord('000'), { corrections: [{ date: '2026-03-15', note: '更正了<合计>。' }] })], SITE, TODAY);
  const feed = parseRss(await (await feedResponse({ title: 'T', description: 'D', selfPath: '/feed.xml', site: SITE, entries: [...entries, { ...entries[0]!, guid: 'x', date: null }] })).text());
  expect(feed.self).toBe(`${SITE}feed.xml`);
  expect(feed.items.map((i) => [i.title.slice(0, 3), i.date])).toEqual([['更正：', '2026-03-15'], ['新公开', '2026-03-11'], ['更正：', null]]);
  expect(feed.items[0]!.description).toBe('更正了<合计>。');
  expect(() => parseRss('<rss version="2.0"><channel><title>T</title></channel></rss>')).toThrow(/no <link>/);
  expect(() => parseRss('<rss version="2.0"><channel><title>T</title><link>https://a.cn/</link><description>D</description><item><title>x</title><link>https://a.cn/</link><guid>g</guid><pubDate>2026-03-01</pubDate></item></channel></rss>')).toThrow(/RFC 822/);
  expect(() => parseRss('<rss version="2.0"><channel><title>T</title>')).toThrow(/well-formed/);
});

describe('the Atom document', () => {
  const entries = feedEntries([release(seedRecord('000'), { corrections: [{ date: '2026-03-15', note: '更正了<合计>。' }] })], SITE, TODAY);
  const atom = (list: typeof entries, today?: string) => atomResponse({ title: 'T', description: 'D', selfPath: '/atom.xml', site: SITE, entries: list, ...(today ? { today } : {}) }).text();

  test('is valid Atom 1.0 as a reader parses it, with the RSS feed\'s dated items', async () => {
    const feed = parseAtom(await atom(entries));
    expect(feed.self).toBe(`${SITE}atom.xml`);
    expect(feed.id).toBe(`${SITE}atom.xml`);
    expect(feed.updated).toBe('2026-03-15');
    const rss = parseRss(await (await feedResponse({ title: 'T', description: 'D', selfPath: '/feed.xml', site: SITE, entries })).text());
    expect(feed.entries).toEqual(rss.items);
    expect(feed.entries[0]!.description).toBe('更正了<合计>。');
  });

  test('escapes seed text: no markup reaches a reader', async () => {
    const xml = await atom([{ guid: `${SITE}a/`, link: `${SITE}a/?x=1&y=<2>`, title: '<script>alert(1)</script>', date: '2026-03-01', description: 'a & b' }]);
    expect(xml).not.toContain('<script>');
    expect(parseAtom(xml).entries[0]).toMatchObject({ title: '<script>alert(1)</script>', link: `${SITE}a/?x=1&y=%3C2%3E`, description: 'a & b' });
    expect(xml).toContain('<updated>2026-02-28T16:00:00.000Z</updated>');
  });

  test('an entry without a date is left out (Atom requires one); an empty feed is dated today; same input, same bytes', async () => {
    expect(parseAtom(await atom([...entries, { ...entries[0]!, guid: 'x', date: null }])).entries).toHaveLength(entries.length);
    expect(parseAtom(await atom([], '2026-03-20')).updated).toBe('2026-03-20');
    expect(await atom(entries)).toBe(await atom(entries));
  });

  test('the checker refuses what is not Atom', () => {
    expect(() => parseAtom('<feed><id>x</id></feed>')).toThrow(/xmlns/);
    expect(() => parseAtom('<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id><title>T</title><updated>2026-03-01</updated></feed>')).toThrow(/RFC 3339/);
    expect(() => parseAtom('<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id><title>T</title><updated>2026-03-01T00:00:00Z</updated><entry><id>a</id><title type="html">&lt;b&gt;</title><updated>2026-03-01T00:00:00Z</updated><link href="https://a.cn/"/></entry></feed>')).toThrow(/markup/);
    expect(() => parseAtom('<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id>')).toThrow(/well-formed/);
  });
});
