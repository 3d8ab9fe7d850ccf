/**
 * The indexer's cache of analysed pages (entry-cache.ts): a rebuild re-analyses only pages whose HTML
 * changed, writes exactly the index a build without the cache writes, keeps only the last build's pages,
 * never caches a preview page, and starts empty when the indexer's code (its salt) changed.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexSite, writeSearchPart } from '../index-site.ts';
import { EntryCache, pageKey } from '../entry-cache.ts';
import { files, writeSite } from './site-files.ts';

const tmp = mkdtempSync(join(tmpdir(), 'search-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const page = (unit: string, body: string, preview = false) => `<!doctype html><html><head><title>${unit}</title>
${preview ? '<meta name="gongkai-preview" content="1">' : ''}<meta data-pagefind-meta="unit[content]" content="${unit}">
<meta data-pagefind-filter="year[content]" content="2026"></head><body><main data-pagefind-body><h1 id="t">${unit}</h1>
<section id="s"><h2>支出</h2><p>${body}</p></section></main></body></html>`;

const PAGES = {
  'a/index.html': page('甲单位', '一般公共预算拨款收入增加。'),
  'b/index.html': page('乙单位', '公务接待费减少，一般公共预算支出持平。'),
  'c/index.html': page('丙单位', '政府采购预算合计十万元。'),
  'about/index.html': '<html><body><main><h1>关于</h1></main></body></html>',
};

describe('the cache of analysed pages', () => {
  const cache = join(tmp, 'cache');
  const site = join(tmp, 'site');
  const fresh = join(tmp, 'fresh');

  test('a rebuild re-analyses only the changed page and writes the index of a build without the cache', async () => {
    writeSite(site, PAGES);
    const first = await indexSite(site, { cache });
    expect(first.cache).toMatchObject({ reused: 0, analysed: 3 });
    const edited = { ...PAGES, 'b/index.html': page('乙单位', '公务用车购置费增加。') };
    writeSite(site, edited);
    const second = await indexSite(site, { cache });
    expect(second.cache).toMatchObject({ reused: 2, analysed: 1 });
    expect(second.indexed).toEqual(['/a/', '/b/', '/c/']);
    writeSite(fresh, edited);
    const plain = await indexSite(fresh);
    expect(plain.cache).toBeUndefined();
    expect(second.written).toEqual(plain.written);
    expect(files(join(site, 'pagefind'))).toEqual(files(join(fresh, 'pagefind')));
    // Unchanged again: everything reused, same bytes.
    expect((await indexSite(site, { cache })).cache).toMatchObject({ reused: 3, analysed: 0 });
    expect(files(join(site, 'pagefind'))).toEqual(files(join(fresh, 'pagefind')));
  });

  test('a removed page leaves the cache (the file is rewritten with the pages of this build)', async () => {
    const { 'c/index.html': _removed, ...rest } = PAGES;
    writeSite(site, rest);
    expect(readFileSync(join(cache, 'entries.jsonl'), 'utf8')).toContain('"url":"/c/"');
    await indexSite(site, { cache });
    expect(readFileSync(join(cache, 'entries.jsonl'), 'utf8')).not.toContain('"url":"/c/"');
    writeSite(site, PAGES);
    expect((await indexSite(site, { cache })).cache).toMatchObject({ reused: 2, analysed: 1 });
  });

  test('never holds a preview page (a draft), which is refused before it is analysed', async () => {
    writeSite(site, { ...PAGES, 'd/index.html': page('草稿单位', '草稿内容不得公开。', true) });
    const report = await indexSite(site, { cache });
    expect(report.refused).toEqual(['/d/']);
    const text = readFileSync(join(cache, 'entries.jsonl'), 'utf8');
    expect(text).toContain('"url":"/a/"');
    expect(text).not.toContain('"url":"/d/"');
    expect(text).not.toContain('草稿');
  });

  test('starts empty when the indexer changed (another salt)', () => {
    writeSite(site, PAGES);
    const other = new EntryCache(cache, 'another indexer');
    expect(other.get(pageKey('/a/', PAGES['a/index.html']))).toBeNull();
    other.abort();
    const same = new EntryCache(cache);
    expect(same.get(pageKey('/a/', PAGES['a/index.html']))).toContain('"url":"/a/"');
    same.abort();
  });

  test('a shard\'s search part is the same with and without the cache', async () => {
    writeSite(site, PAGES);
    await writeSearchPart(site, { cache });
    const cached = await writeSearchPart(site, { cache });
    expect(cached.cache).toMatchObject({ reused: 3, analysed: 0 });
    writeSite(fresh, PAGES);
    await writeSearchPart(fresh);
    expect(readFileSync(join(site, '_shard/search-part.jsonl'), 'utf8')).toBe(readFileSync(join(fresh, '_shard/search-part.jsonl'), 'utf8'));
  });

  test('a failed build keeps the previous cache', async () => {
    writeSite(site, PAGES);
    await indexSite(site, { cache });
    const before = readFileSync(join(cache, 'entries.jsonl'));
    const c = new EntryCache(cache);
    c.put('0'.repeat(64), '{}');
    c.abort();
    expect(readFileSync(join(cache, 'entries.jsonl'))).toEqual(before);
    expect(readdirSync(cache).sort()).toEqual(['entries.jsonl', 'index-state.bin']);
  });
});
