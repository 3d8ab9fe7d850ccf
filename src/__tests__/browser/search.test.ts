/**
 * The search index of the site built from seeds/ (`npm run build` = astro build + scripts/cli/search-index.ts),
 * read with the same engine the search page runs: a unit name, a term (三公经费) and a project word
 * (政务服务) find the right pages, every result carries unit, district and year, only unit-year pages are
 * indexed, and a page carrying the preview banner is never indexed.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { openIndex, search, type SearchIndex } from '../../client/search-engine.ts';
import { hasSearchBody, indexSite } from '../../../scripts/search/index-site.ts';
import type { UnitYearRecord } from '../../domain/schema/record.ts';
import { builtSite, readRecords, type BuiltSite } from './site-build.ts';
import { decodeEntities } from './crawl.ts';

let site: BuiltSite;
let index: SearchIndex;
let records: UnitYearRecord[];

/** Opens the Pagefind bundle of a built site from disk. */
function openSiteIndex(outDir: string): Promise<SearchIndex> {
  return openIndex((path) => readFile(join(outDir, 'pagefind', path)).then((b) => new Uint8Array(b)));
}

/**
 * Text of a page's <main> without what is not indexed (elements marked data-pagefind-ignore: contents,
 * breadcrumbs, term tooltips), without tags or whitespace: what the index should find, for ground truth.
 */
function mainText(outDir: string, pagePath: string): string {
  const html = readFileSync(join(outDir, pagePath, 'index.html'), 'utf8');
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'))
    .replace(/<section class="source-text"[\s\S]*?<\/section>/, '')
    .replace(/<([a-z]+)\b[^>]*\sdata-pagefind-ignore[^>]*>[\s\S]*?<\/\1>/g, '');
  return decodeEntities(main.replace(/<[^>]*>/g, '')).replace(/\s+/g, '');
}

async function resultPaths(query: string, filters: Record<string, string> = {}): Promise<string[]> {
  const { hits } = await search(index, query, filters);
  return Promise.all(hits.map(async (h) => (await index.fragment(h.page)).url));
}

const recordUrl = (r: UnitYearRecord) => `/${r.id}/`;

beforeAll(async () => {
  site = await builtSite('normal');
  index = await openSiteIndex(site.outDir);
  records = readRecords(site.contentDir);
});

describe('the search index of the seeds site', () => {
  test('unit-year pages are searchable (they pass search={searchMeta(record)} to the Base layout)', () => {
    const html = readFileSync(join(site.outDir, records[0]!.id, 'index.html'), 'utf8');
    expect(hasSearchBody(html), 'src/pages/[district]/[unit]/[year]/index.astro must give <Base> the search prop').toBe(true);
  });

  test('indexes exactly the unit-year pages, in Chinese', async () => {
    const entry = JSON.parse(readFileSync(join(site.outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: object };
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    const urls = await Promise.all(index.meta.pages.map(async (_, i) => (await index.fragment(i)).url));
    expect(urls.sort()).toEqual(records.map(recordUrl).sort());
  });

  test('every page carries its unit, district and year', async () => {
    for (const [i] of index.meta.pages.entries()) {
      const f = await index.fragment(i);
      const r = records.find((x) => recordUrl(x) === f.url)!;
      expect(f.meta).toMatchObject({
        unit: r.identity.unit, district: r.identity.district ?? r.slug.district, year: String(r.identity.year),
      });
      expect(f.filters).toEqual({ district: [r.slug.district], year: [String(r.identity.year)] });
    }
  });

  test('a unit name finds that unit’s pages first', async () => {
    for (const r of records) {
      const own = records.filter((x) => x.identity.unit === r.identity.unit).map(recordUrl).sort();
      const found = await resultPaths(r.identity.unit);
      expect(found.slice(0, own.length).sort(), r.identity.unit).toEqual(own);
    }
  });

  test('三公经费 finds every disclosure (all have a “三公”经费 section)', async () => {
    expect((await resultPaths('三公经费')).sort()).toEqual(records.map(recordUrl).sort());
  });

  test('政务服务 finds exactly the pages whose text contains it', async () => {
    const expected = records.map(recordUrl).filter((p) => mainText(site.outDir, p).includes('政务服务')).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(records.length);
    expect((await resultPaths('政务服务')).sort()).toEqual(expected);
  });

  test('a phrase from a narrative paragraph finds exactly the pages whose text contains it', async () => {
    const texts = new Map(records.map((r) => [recordUrl(r), mainText(site.outDir, recordUrl(r))]));
    const phrases = records.flatMap((r) => r.sections.flatMap((s) => s.paragraphs))
      .map((p) => /[\p{Script=Han}]{10,}/u.exec(p.text)?.[0].slice(0, 10))
      .filter((t): t is string => Boolean(t));
    expect(phrases.length).toBeGreaterThan(3);
    for (const phrase of phrases.slice(0, 12)) {
      const expected = [...texts].filter(([, t]) => t.includes(phrase)).map(([u]) => u).sort();
      expect(expected.length, phrase).toBeGreaterThan(0);
      expect((await resultPaths(phrase)).sort(), phrase).toEqual(expected);
    }
  });

  test('the original text (原文, its own page) is not indexed: it repeats the document', async () => {
    const html = readFileSync(join(site.outDir, records[0]!.id, 'source', 'index.html'), 'utf8');
    expect(html).toContain('<section class="source-text"');
    expect(hasSearchBody(html)).toBe(false);
    expect(await resultPaths('以下为公开文件原文')).toEqual([]);
  });

  test('filters by district and year', async () => {
    const kaizhou = records.filter((r) => r.slug.district === 'kaizhou').map(recordUrl).sort();
    expect((await resultPaths('三公经费', { district: 'kaizhou' })).sort()).toEqual(kaizhou);
    const y2024 = records.filter((r) => r.identity.year === 2024).map(recordUrl).sort();
    expect((await resultPaths('', { year: '2024' })).sort()).toEqual(y2024);
  });

  test('writes only the index data: no Pagefind UI or WebAssembly in the site', () => {
    for (const f of ['pagefind.js', 'pagefind-ui.js', 'pagefind-worker.js', 'wasm.unknown.pagefind']) {
      expect(existsSync(join(site.outDir, 'pagefind', f)), f).toBe(false);
    }
  });
});

describe('preview pages', () => {
  test('a page carrying the preview banner is refused even if it marks a search body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-preview-'));
    try {
      const [a, b] = records.map(recordUrl);
      for (const p of [a!, b!]) cpSync(join(site.outDir, p), join(dir, p), { recursive: true });
      const file = join(dir, b!, 'index.html');
      writeFileSync(file, readFileSync(file, 'utf8').replace('<body>', '<body><aside class="banner-preview" aria-label="预览提示">预览稿 · 未发布</aside>'));
      const report = await indexSite(dir);
      expect(report.refused).toEqual([b]);
      expect(report.indexed).toEqual([a]);
      const previewIndex = await openSiteIndex(dir);
      expect(previewIndex.meta.pages).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
