/**
 * The bundle updated in place (index-site.ts `updateSite`): after a page's words change, a page is removed or
 * added, or the cache or the bundle is damaged, the bundle is byte-identical to an index built without the
 * cache; unchanged HTML files are not read; when the pages stay the same only the changed page's postings are
 * spliced in, and the word chunks and fragments it does not touch are left in place (not written again).
 */
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexSite } from '../index-site.ts';
import { files, writeInto, writeSite } from './site-files.ts';

const tmp = mkdtempSync(join(tmpdir(), 'search-update-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Enough words over enough pages for several word chunks. */
const VOCABULARY = Array.from({ length: 3000 }, (_, i) => `w${(i * 7919) % 100000}x`);
function body(seed: number): string {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) % VOCABULARY.length;
  const words = Array.from({ length: 250 }, () => VOCABULARY[next()]);
  return `一般公共预算 ${words.join(' ')} 支出`;
}
const page = (unit: string, text: string) => `<!doctype html><html><head><title>${unit}</title>
<meta data-pagefind-meta="unit[content]" content="${unit}"><meta data-pagefind-filter="year[content]" content="2026"></head>
<body><main data-pagefind-body><h1 id="t">${unit}</h1><section id="s"><h2>支出</h2><p>${text}</p></section></main></body></html>`;

const PAGES: Record<string, string> = {};
for (let i = 0; i < 60; i++) PAGES[`d/u${String(i).padStart(2, '0')}/index.html`] = page(`单位${i}`, body(i + 1));
PAGES['about/index.html'] = '<html><body><main><h1>关于</h1></main></body></html>';

/** Every file of `dir` by path, with its inode and change time (a file written again changes them). */
function stamps(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const path of files(dir).keys()) {
    const s = statSync(join(dir, path), { bigint: true });
    out.set(path, `${s.ino}:${s.ctimeNs}`);
  }
  return out;
}
const changed = (before: Map<string, string>, after: Map<string, string>) =>
  [...after].filter(([p, s]) => before.get(p) !== s).map(([p]) => p).sort();

const site = join(tmp, 'site');
const fresh = join(tmp, 'fresh');
const cache = join(tmp, 'cache');
/** Trust every stamp (the files are written just before each run). */
const opts = { cache, stampMarginMs: -60_000 };

/** The bundle of `pages` built without a cache. */
async function expected(pages: Record<string, string>): Promise<Map<string, Buffer>> {
  writeSite(fresh, pages);
  await indexSite(fresh);
  return files(join(fresh, 'pagefind'));
}

describe('the search bundle updated in place', () => {
  beforeEach(async () => {
    rmSync(cache, { recursive: true, force: true });
    writeSite(site, PAGES);
    const first = await indexSite(site, opts);
    expect(first.cache).toMatchObject({ analysed: 60, unread: 0, spliced: false });
  });

  test('an unchanged site: no HTML file is read, no bundle file written, the same bytes', async () => {
    const before = stamps(join(site, 'pagefind'));
    const again = await indexSite(site, opts);
    expect(again.cache).toEqual({ reused: 60, analysed: 0, unread: 61, spliced: true });
    expect(changed(before, stamps(join(site, 'pagefind')))).toEqual([]);
    expect(files(join(site, 'pagefind'))).toEqual(await expected(PAGES));
  });

  test('a page whose words change: only it is read, its postings spliced in, untouched chunks and fragments kept', async () => {
    const chunks = readdirSync(join(site, 'pagefind/index'));
    expect(chunks.length).toBeGreaterThan(3);
    const before = stamps(join(site, 'pagefind'));
    // A word added at the end: no other word's position moves, so few chunks change.
    const edited = { ...PAGES, 'd/u07/index.html': page('单位7', `${body(8)} 新词`) };
    writeInto(site, { 'd/u07/index.html': edited['d/u07/index.html']! });
    const report = await indexSite(site, opts);
    expect(report.cache).toEqual({ reused: 59, analysed: 1, unread: 60, spliced: true });
    const want = await expected(edited);
    expect(files(join(site, 'pagefind'))).toEqual(want);
    const written = changed(before, stamps(join(site, 'pagefind')));
    // Its fragment, the chunks holding its old or new words, the filter-free metadata and the entry.
    expect(written.filter((p) => p.startsWith('fragment/'))).toHaveLength(1);
    const rewrittenChunks = written.filter((p) => p.startsWith('index/'));
    expect(rewrittenChunks.length).toBeGreaterThan(0);
    expect(rewrittenChunks.length).toBeLessThan(readdirSync(join(site, 'pagefind/index')).length);
    expect(written).toContain('pagefind-entry.json');
  });

  test('a removed page and an added page: numbers shift, the index is rebuilt from cached entries, same bytes', async () => {
    const { 'd/u30/index.html': _gone, ...rest } = PAGES;
    writeSite(site, rest);
    const removed = await indexSite(site, opts);
    expect(removed.cache).toMatchObject({ analysed: 0, spliced: false });
    expect(files(join(site, 'pagefind'))).toEqual(await expected(rest));
    expect(readFileSync(join(cache, 'entries.jsonl'), 'utf8')).not.toContain('"url":"/d/u30/"');
    const added = { ...rest, 'd/u30b/index.html': page('新单位', body(77)) };
    writeInto(site, { 'd/u30b/index.html': added['d/u30b/index.html']! });
    const report = await indexSite(site, opts);
    expect(report.cache).toMatchObject({ analysed: 1, unread: 60, spliced: false });
    expect(files(join(site, 'pagefind'))).toEqual(await expected(added));
    // Fragments are named by their content: only the new page's is written.
    expect(report.indexed).toContain('/d/u30b/');
  });

  test('a file rewritten with the same size and modification time is read again (its change time moved)', async () => {
    const path = join(site, 'd/u03/index.html');
    const { mtime, size } = statSync(path);
    const edited = readFileSync(path, 'utf8').replaceAll('单位3', '单位X');
    expect(Buffer.byteLength(edited)).toBe(size);
    writeFileSync(path, edited);
    utimesSync(path, mtime, mtime);
    const report = await indexSite(site, opts);
    expect(report.cache).toMatchObject({ analysed: 1, unread: 60 });
    expect(files(join(site, 'pagefind'))).toEqual(await expected({ ...PAGES, 'd/u03/index.html': edited }));
  });

  test('a file changed just before the last run is read again, even with the same stamp', async () => {
    // With the default margin, files written within 2 s before a run are not trusted by the next one.
    writeInto(site, PAGES);
    expect((await indexSite(site, { cache })).cache).toMatchObject({ unread: 0, analysed: 0 });
    expect((await indexSite(site, { cache })).cache).toMatchObject({ unread: 0, analysed: 0, spliced: true });
  });

  test('a damaged cache or bundle: the index is still the full build\'s bytes', async () => {
    const want = await expected(PAGES);
    writeFileSync(join(cache, 'index-state.bin'), 'not a state');
    expect((await indexSite(site, opts)).cache).toMatchObject({ unread: 0, spliced: false });
    expect(files(join(site, 'pagefind'))).toEqual(want);
    // A bundle file overwritten: its stamp no longer matches, the index is made again.
    const chunk = readdirSync(join(site, 'pagefind/index'))[1]!;
    writeFileSync(join(site, 'pagefind/index', chunk), 'garbage');
    expect((await indexSite(site, opts)).cache).toMatchObject({ spliced: false });
    expect(files(join(site, 'pagefind'))).toEqual(want);
    // The entry cache cut short: pages are analysed again.
    const entries = join(cache, 'entries.jsonl');
    writeFileSync(entries, readFileSync(entries).subarray(0, 3000));
    const report = await indexSite(site, opts);
    expect(report.cache!.analysed).toBeGreaterThan(50);
    expect(files(join(site, 'pagefind'))).toEqual(want);
    // A stray file in the bundle is removed.
    writeFileSync(join(site, 'pagefind/fragment/zh-cn_stray.pf_fragment'), 'x');
    await indexSite(site, opts);
    expect(files(join(site, 'pagefind'))).toEqual(want);
  });
});
