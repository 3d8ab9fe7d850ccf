/**
 * Astro's incremental build (experimental.incrementalBuild with the cache keys of src/lib/cache-keys.ts):
 * after one seed changes (and another becomes a draft), a build renders that record's pages and its
 * district's, copies the other districts' pages from the cache, re-analyses only the changed pages for the
 * search index, reads only the changed record files (the other summaries are the last build's), and the
 * result is byte-identical to a full build of the same seeds; the draft's pages,
 * downloads and search entries are gone, from the site and from the caches.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { siteFiles } from './crawl.ts';
import { buildInto, ROOT } from './site-build.ts';
import { FIXTURE_SEEDS_DIR } from '../../../tests/fixtures.ts';

const SEED = '002_ac23c2893b407c47.txt';
/**
 * Becomes a draft before the second build: kaizhou/zhengwuxinxizhongxin/2024, in the edited seed's district
 * (its unit's 2026 record defines the same glossary terms, so the site's glossary, which is part of Astro's
 * config, stays the same and the other districts' pages can be restored).
 */
const DRAFTED = '001_f6abead5b2fb5ca3.txt';
const DRAFTED_PAGE = 'kaizhou/zhengwuxinxizhongxin/2024';
/** A district no seed of which changes. */
const UNCHANGED_DISTRICT = 'yuzhong';
let dir: string;
let full: string;
let incremental: string;
let log: string;
/** After the incremental build: Astro's cached copy of the drafted district's page, and the search cache's text. */
let cachedDraftPage: boolean;
let searchCache: string;
/** The drafted record's files in the site before it became a draft (its page, 原文 page, downloads). */
let draftBefore: string[];
/** A kept page, whether Astro left it in place (`cached`) or copied it from its cache (`restored`). */
const KEPT = '\\((?:cached|restored)\\)';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-incremental-'));
  const seeds = join(dir, 'seeds');
  cpSync(FIXTURE_SEEDS_DIR, seeds, { recursive: true });
  // A full build fills the cache; then one seed's contact changes and another becomes a draft, and the
  // site is built again into the same folder (as `npm run build` does into dist/).
  buildInto(seeds, join(dir, 'content-1'), join(dir, 'site'));
  draftBefore = siteFiles(join(dir, 'site')).filter((f) => f.startsWith(`${DRAFTED_PAGE}/`));
  const text = readFileSync(join(seeds, SEED), 'utf8');
  const edited = text.replace(/联系人：[^\s，。；]+/, '联系人：增量构建测试');
  expect(edited).not.toBe(text);
  writeFileSync(join(seeds, SEED), edited);
  writeFileSync(join(seeds, `${DRAFTED}.meta.yml`), 'status: draft\n');
  // Ingested into the same content/ (unchanged records are hard-linked: same stamps, src/lib/records.ts).
  log = buildInto(seeds, join(dir, 'content-1'), join(dir, 'site'), { force: false });
  cachedDraftPage = existsSync(join(ROOT, 'node_modules/.astro/dist', DRAFTED_PAGE, 'index.html'));
  searchCache = readFileSync(join(ROOT, 'node_modules/.astro/search-index/entries.jsonl'), 'utf8');
  buildInto(seeds, join(dir, 'content-3'), join(dir, 'site-3'), { force: true });
  incremental = join(dir, 'site');
  full = join(dir, 'site-3');
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const recordId = (): string => {
  const index = JSON.parse(readFileSync(join(dir, 'content-1', 'index.json'), 'utf8')) as { id: string; file: string }[];
  return index.find((e) => e.file === SEED)!.id;
};

test('the changed district\'s pages are rendered, the other district\'s copied; the search index re-analyses only changed pages', () => {
  // Every district-scoped route: page, feed, open data, data package.
  for (const path of ['index.html', 'feed.xml', 'data/yuzhong/index.html', 'data/yuzhong/datapackage.json']) {
    const file = path.startsWith('data/') ? path : `${UNCHANGED_DISTRICT}/${path}`;
    expect(log).toMatch(new RegExp(`/${file.replace(/\./g, '\\.')} ${KEPT}`));
  }
  expect(log).toMatch(new RegExp(`/yuzhong/renminzhengfubangongshi/index\\.html ${KEPT}`));
  // The folder the last build wrote is updated in place, not emptied; unchanged records' downloads stay.
  expect(log).not.toContain('emptying the output folder');
  expect(log).toMatch(/\(cached\)/);
  const [, unchanged] = /downloads of \d+ records in place \((\d+) records unchanged\)/.exec(log) ?? [];
  expect(Number(unchanged)).toBeGreaterThanOrEqual(2);
  expect(log).toMatch(/\/kaizhou\/index\.html \(\+\d+ms\)/);
  expect(log).toMatch(/\/kaizhou\/shuzihuachengshiyunxinghezhilizhongxin\/index\.html \(\+\d+ms\)/);
  const [, reused, analysed] = /search-index: \d+ 个页面已编入.*（(\d+) 个未变，沿用上次的分词；(\d+) 个重新分词）/.exec(log) ?? [];
  // Only the unit-year pages (the indexed ones) that were rendered again are analysed again.
  const unitYear = (outcome: string) => log.match(new RegExp(`─ /[^/\\s]+/[^/\\s]+/\\d{4}/index\\.html ${outcome}`, 'g'))?.length;
  expect(Number(reused)).toBe(unitYear(KEPT));
  expect(Number(analysed)).toBe(unitYear('\\(\\+\\d+ms\\)'));
  expect(Number(reused)).toBeGreaterThanOrEqual(2);
});

test('only the changed record files are read: the other summaries are the last build\'s (summary-cache.ts)', () => {
  const [, reused, read] = /(\d+) record summaries reused from the last build, (\d+) read/.exec(log) ?? [];
  // The edited seed's record and the drafted one.
  expect(Number(read)).toBe(2);
  const records = (JSON.parse(readFileSync(join(dir, 'content-1', 'index.json'), 'utf8')) as unknown[]).length;
  expect(Number(reused)).toBe(records - 2);
});

test('a record that became a draft leaves the site, its search entries and the caches', () => {
  expect(draftBefore).toContain(`${DRAFTED_PAGE}/index.html`);
  expect(draftBefore).toContain(`${DRAFTED_PAGE}/record.json`);
  expect(siteFiles(incremental).filter((f) => f.startsWith(`${DRAFTED_PAGE}/`))).toEqual([]);
  expect(readFileSync(join(incremental, 'kaizhou/zhengwuxinxizhongxin/index.html'), 'utf8')).not.toContain(`/${DRAFTED_PAGE}/`);
  expect(cachedDraftPage).toBe(false);
  expect(searchCache).toContain('"url":"/kaizhou/');
  expect(searchCache).not.toContain(`"url":"/${DRAFTED_PAGE}/"`);
});

test('the changed record is rendered, the unchanged record pages are copied from the cache', () => {
  const id = recordId();
  expect(log).toMatch(new RegExp(`/${id}/index\\.html \\(\\+\\d+ms\\)`));
  expect(log).not.toMatch(new RegExp(`/${id}/index\\.html ${KEPT}`));
  // Every unit-year page outside the changed district is copied (the downloads are written after the pages, not cached).
  const listed = JSON.parse(readFileSync(join(dir, 'content-1', 'index.json'), 'utf8')) as { id: string; status: string }[];
  const others = listed.filter((e) => e.status === 'published' && !e.id.startsWith('kaizhou/')).length;
  expect(others).toBeGreaterThanOrEqual(2);
  expect(log.match(new RegExp(`/\\d{4}/index\\.html ${KEPT}`, 'g'))?.length ?? 0).toBe(others);
  expect(readFileSync(join(incremental, id, 'index.html'), 'utf8')).toContain('增量构建测试');
});

test('the incremental build is byte-identical to a full build of the same seeds', () => {
  const files = siteFiles(full);
  expect(siteFiles(incremental)).toEqual(files);
  const differing = files.filter((f) => !readFileSync(join(full, f)).equals(readFileSync(join(incremental, f))));
  expect(differing).toEqual([]);
});
