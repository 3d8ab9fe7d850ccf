/**
 * Release states in real builds of a copy of the project (GONGKAI_TODAY fixed):
 *   seed 002 draft · seed 001 embargoed until tomorrow · seed 003 publishAt today · seed 004 publishAt
 *   yesterday (with an unacknowledged error) · seed 000 without sidecar, and beside it a draft correction
 *   of it (two figures changed, with its 更正说明).
 * `npm run build` must leave the draft, the draft correction and the embargoed record out of every file in
 * dist/ — pages, indexes, sitemap, search index (decompressed), data files, glossary — while publishing the
 * others; `npm run build:preview` shows them all, each marked with its state, the correction beside the
 * published version with the figures it changes. Then the correction is published (its `status: draft`
 * removed): the page shows it with its 更正说明, and the original stays online at …/2026/v1/.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS, tempDir } from '../../ingest/__tests__/helpers.ts';
import { formatWan } from '../../../src/domain/money.ts';
import { diffFigures, flattenFigures } from '../../../src/domain/figure-diff.ts';
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';
import { addDays } from './helpers.ts';
import { copyProject, npmRun, occurrences, readTree } from './project.ts';
import { REPO_ROOT, TEST_SITE } from '../../../tests/fixtures.ts';
import { parseRss } from '../../../tests/rss.ts';
import { parseAtom } from '../../../tests/atom.ts';

const TODAY = '2026-05-20';
const DRAFT = 'kaizhou/shuzihuachengshiyunxinghezhilizhongxin/2026';
const EMBARGOED = 'kaizhou/zhengwuxinxizhongxin/2024';
const PUBLISHED = ['kaizhou/zhengwuxinxizhongxin/2026', 'yuzhong/renminzhengfubangongshi/2026', 'jiulongpo/dianzizhengwuzhongxin/2026'];
/** Seed 000's unit-year, which the draft correction re-issues; its record file `2026.v2.json`. */
const CORRECTED = 'kaizhou/zhengwuxinxizhongxin/2026';
const CORRECTION = `${CORRECTED}.v2`;
const CORRECTION_SEED = 'zz-000-corrected.txt';
/** The correction moves 33.07万元 from 基本支出 to 项目支出 (the total stays 1,483.96). */
const corrected = (text: string) => text.replace('基本支出733.26万元', '基本支出700.19万元').replace('项目支出750.7万元', '项目支出783.77万元');
const CORRECTION_NOTE = 'corrections:\n  - date: 2026-05-18\n    note: 更正了基本支出和项目支出的金额。\n';

const project = tempDir('leak');
let dist: Map<string, string>;
let records: Map<string, { record: UnitYearRecord; json: string }>;

const record = (id: string) => records.get(id)!.record;

/** Text that appears nowhere in the published records' own data and source text. */
function distinctive(needles: readonly string[]): string[] {
  const published = PUBLISHED.map((id) => records.get(id)!.json).join('\n');
  return [...new Set(needles)].filter((s) => !published.includes(s));
}

/**
 * The ways a record's figures can be printed — 万元 with and without thousands separators, whole 元 —
 * for its amounts of at least 100万元 (shorter numbers are too common to mean anything), keeping only
 * the distinctive ones.
 */
function distinctiveFigures(r: UnitYearRecord): string[] {
  return distinctive([...flattenFigures(r).values()]
    .filter((f) => f.kind === 'amount' && typeof f.value === 'number' && Math.abs(f.value) >= 1_000_000)
    .flatMap((f) => [formatWan(f.value as number), formatWan(f.value as number, { grouping: false }), String(f.value)]));
}

/**
 * A page an adopter adds to the site (README, “Content collections”): what `getCollection('records')` gives
 * the build. It must follow the release rules exactly as the site's own pages do.
 */
const COLLECTION_PAGE = 'collection-records.json';
const COLLECTION_PAGE_SOURCE = `import { getCollection } from 'astro:content';
export async function GET() {
  const entries = await getCollection('records');
  const out = entries.map((e) => ({ id: e.id, version: e.data.revision?.version ?? 1, unit: e.data.identity.unit, path: e.data.path }));
  return new Response(JSON.stringify(out.sort((a, b) => (a.id < b.id ? -1 : 1))));
}
`;
/** The README's example page (“Content collections”), as an adopter would copy it. */
function readmeExample(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const block = /```astro\n(---\n\/\/ src\/pages\/spending-2026\.astro[\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md: the spending-2026.astro example is missing');
  return block[1]!;
}
/** The ids and versions the collection page listed in a built site. */
const collection = (built: Map<string, string>) => (JSON.parse(built.get(COLLECTION_PAGE)!) as { id: string; version: number }[])
  .map((e) => `${e.id} v${e.version}`).sort();

beforeAll(async () => {
  copyProject(project.path);
  // The collection is opt-in (gongkai.config.ts `collections: true`), as an adopter turns it on.
  const config = join(project.path, 'gongkai.config.ts');
  writeFileSync(config, readFileSync(config, 'utf8').replace('  demo: true,\n', '  demo: true,\n  collections: true,\n'));
  writeFileSync(join(project.path, 'src', 'pages', `${COLLECTION_PAGE}.ts`), COLLECTION_PAGE_SOURCE);
  writeFileSync(join(project.path, 'src', 'pages', 'spending-2026.astro'), readmeExample());
  const sidecar = (id: keyof typeof SEEDS, yaml: string) => writeFileSync(join(project.path, 'seeds', `${SEEDS[id]}.meta.yml`), yaml);
  sidecar('002', 'status: draft\n');
  sidecar('001', `publishAt: ${addDays(TODAY, 1)}\n`);
  sidecar('003', `publishAt: ${TODAY}\ncorrections:\n  - date: ${addDays(TODAY, -2)}\n    note: 更正了公务接待费的金额。\n`);
  sidecar('004', `status: published\npublishAt: ${addDays(TODAY, -1)}\n`);
  const seeds = join(project.path, 'seeds');
  writeFileSync(join(seeds, CORRECTION_SEED), corrected(readFileSync(join(seeds, SEEDS['000']), 'utf8')));
  writeFileSync(join(seeds, `${CORRECTION_SEED}.meta.yml`), `status: draft\n${CORRECTION_NOTE}`);
  const build = await npmRun(project.path, 'build', { GONGKAI_TODAY: TODAY, GONGKAI_SITE: TEST_SITE });
  if (build.status !== 0) throw new Error(`npm run build failed (${build.status}):\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  dist = readTree(join(project.path, 'dist'));
  records = new Map();
  for (const id of [DRAFT, EMBARGOED, CORRECTION, ...PUBLISHED]) {
    const json = readFileSync(join(project.path, 'content', 'records', `${id}.json`), 'utf8');
    records.set(id, { record: JSON.parse(json) as UnitYearRecord, json });
  }
}, 600_000);
afterAll(() => project.cleanup());

describe('npm run build (production)', () => {
  test('publishes records without sidecar, with publishAt today and yesterday — even with an error finding', () => {
    for (const id of PUBLISHED) expect(dist.has(`${id}/index.html`), id).toBe(true);
    expect(dist.get('jiulongpo/dianzizhengwuzhongxin/2026/index.html')).toContain('data-code="change.impossible-year"');
  });

  test('a re-issued record shows its 更正说明 with the date', () => {
    const html = dist.get('yuzhong/renminzhengfubangongshi/2026/index.html')!;
    expect(html).toContain('更正说明');
    expect(html).toMatch(new RegExp(`<time datetime="${addDays(TODAY, -2)}"[^>]*>[^<]*</time>[^<]*更正了公务接待费的金额。`));
  });

  test('no page carries the preview banner or is kept from search engines as a preview', () => {
    expect(occurrences(dist, ['预览稿'])).toEqual([]);
    const pages = new Map([...dist].filter(([f]) => f.endsWith('.html')));
    expect(occurrences(pages, ['banner-preview', 'gongkai-preview', '更正稿', 'release-mark', 'preview-findings'])).toEqual([]);
  });

  test('the draft correction is nowhere: the published version is shown as it is, with no earlier-version page', () => {
    expect(record(CORRECTION).revision).toEqual({ version: 2, replaces: SEEDS['000'] });
    // The figures the correction changes, as pages and data files could print them.
    const figures = diffFigures(record(CORRECTED), record(CORRECTION)).filter((f) => f.kind === 'amount')
      .flatMap((f) => [formatWan(f.new as number), formatWan(f.new as number, { grouping: false }), String(f.new)]);
    expect(figures).toEqual(['700.19', '700.19', '7001900', '783.77', '783.77', '7837700']);
    expect(occurrences(dist, [...figures, CORRECTION_SEED, '更正了基本支出和项目支出的金额'])).toEqual([]);
    const page = dist.get(`${CORRECTED}/index.html`)!;
    expect(page).toContain('733.26');
    expect(page).not.toContain('更正说明');
    expect([...dist.keys()].filter((f) => f.startsWith(`${CORRECTED}/v`))).toEqual([]);
  });

  test('the draft is nowhere: not its unit name, slug, contact or any of its distinctive figures', () => {
    const r = record(DRAFT);
    const figures = distinctiveFigures(r);
    expect(figures.length).toBeGreaterThanOrEqual(6); // e.g. 609.35, 6093500, 544.54 …
    expect(figures).toContain('609.35');
    // (The short name 数字化城市运行和治理中心 is not distinctive: 渝中区 has a unit of that name too.)
    const names = [r.identity.unit, encodeURIComponent(r.identity.unit), r.slug.unit, r.keyFigures.contact.phone!];
    expect(distinctive(names)).toEqual(names);
    expect(occurrences(dist, [...names, ...figures])).toEqual([]);
  });

  test('the record embargoed until tomorrow is nowhere: no page, year, download or figure', () => {
    const r = record(EMBARGOED);
    const figures = distinctiveFigures(r);
    expect(figures.length).toBeGreaterThanOrEqual(3);
    const needles = ['zhengwuxinxizhongxin/2024', 'zhengwuxinxizhongxin-2024', 'years/2024', r.source.sha256, ...figures];
    expect(occurrences(dist, needles)).toEqual([]);
    expect([...dist.keys()].filter((f) => f.includes('2024'))).toEqual([]);
  });

  test('control: the same search finds published records everywhere, the decompressed search index included', () => {
    const r = record('yuzhong/renminzhengfubangongshi/2026');
    const figures = distinctiveFigures(r);
    expect(figures.length).toBeGreaterThan(0);
    const hits = occurrences(dist, [r.identity.unit, r.slug.unit, ...figures]);
    expect(hits.some((h) => h.startsWith('pagefind/') && h.endsWith(r.identity.unit)),
      'the search index holds no published page, so its leak check proves nothing').toBe(true);
    expect(hits.some((h) => h.startsWith('data/key-figures.csv'))).toBe(true);
    expect(hits.some((h) => h.startsWith('sitemap'))).toBe(true);
  });

  test('the feeds, site-wide and per district, are valid RSS listing exactly the released disclosures and corrections', () => {
    const items = (file: string) => parseRss(dist.get(file)!).items
      .map((i) => `${i.title.startsWith('更正') ? 'correction' : 'new'} ${new URL(i.link).pathname} ${i.date}`).sort();
    const yuzhong = [`correction /yuzhong/renminzhengfubangongshi/2026/ ${addDays(TODAY, -2)}`, `new /yuzhong/renminzhengfubangongshi/2026/ ${TODAY}`];
    const kaizhou = [`new /kaizhou/zhengwuxinxizhongxin/2026/ ${record(CORRECTED).identity.publicationDate}`];
    expect(items('feed.xml')).toEqual([...kaizhou, `new /jiulongpo/dianzizhengwuzhongxin/2026/ ${addDays(TODAY, -1)}`, ...yuzhong].sort());
    expect(items('kaizhou/feed.xml')).toEqual(kaizhou);
    expect(items('yuzhong/feed.xml')).toEqual(yuzhong);
  });

  test('the Atom feeds are valid Atom 1.0 with the same entries as the RSS feeds', () => {
    for (const dir of ['', 'kaizhou/', 'yuzhong/', 'jiulongpo/']) {
      const atom = parseAtom(dist.get(`${dir}atom.xml`)!);
      expect(atom.self).toBe(`${TEST_SITE}${dir}atom.xml`);
      expect(atom.entries).toEqual(parseRss(dist.get(`${dir}feed.xml`)!).items);
    }
    expect(parseAtom(dist.get('atom.xml')!).entries).toHaveLength(4);
  });

  test("getCollection('records') gives the published records only, the correction's unit-year as published", () => {
    expect(collection(dist)).toEqual(PUBLISHED.map((id) => `${id} v1`).sort());
    expect(JSON.parse(dist.get(COLLECTION_PAGE)!)).toContainEqual({ id: CORRECTED, version: 1, unit: '重庆市开州区政务信息中心', path: `/${CORRECTED}/` });
    // The README's example page: the published 2026 records, linked, and not the draft's unit.
    const page = /<ol class="spending"[^>]*>(.*?)<\/ol>/s.exec(dist.get('spending-2026/index.html')!)![1]!;
    const links = [...page.matchAll(/<a href="([^"]+)"[^>]*>/g)].map((m) => m[1]);
    expect(links.sort()).toEqual(PUBLISHED.filter((id) => id.endsWith('/2026')).map((id) => `/${id}/`).sort());
    expect(page).toMatch(/重庆市开州区政务信息中心<\/a>\s*1,483.96 万元/);
    expect(page).not.toContain(record(DRAFT).identity.unit);
  });

  test('/quality/ lists the published error with its line link and nothing of the draft', () => {
    const html = dist.get('quality/index.html')!;
    expect(html).toContain('href="/jiulongpo/dianzizhengwuzhongxin/2026/source/#L24"');
    expect(html).toContain('data-code="change.impossible-year"');
    expect(html).not.toContain('预览');
    expect(html).not.toContain('<meta name="robots" content="noindex"');
  });
});

describe('npm run build:preview', () => {
  let preview: Map<string, string>;
  beforeAll(async () => {
    const build = await npmRun(project.path, 'build:preview', { GONGKAI_TODAY: TODAY });
    if (build.status !== 0) throw new Error(`npm run build:preview failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
    preview = readTree(join(project.path, 'dist-preview'));
  }, 600_000);

  test('the banner is on the records that are not public, saying which; never on a published one', () => {
    const banner = (id: string) => /<aside class="banner-preview"[^>]*>.*?<\/aside>/s.exec(preview.get(`${id}/index.html`)!)?.[0] ?? null;
    expect(banner(DRAFT)).toContain('预览稿 · 草稿');
    expect(banner(EMBARGOED)).toContain(`预览稿 · 定于 ${addDays(TODAY, 1)} 发布`);
    expect(banner(CORRECTED)).toContain('预览稿 · 更正稿（将替换已发布版本）');
    expect(banner(CORRECTED)).toContain(`href="/${CORRECTED}/v1/"`);
    for (const id of PUBLISHED.filter((p) => p !== CORRECTED)) expect(banner(id), id).toBeNull();
    for (const html of preview.values()) if (html.startsWith('<!DOCTYPE') || html.startsWith('<!doctype')) expect(html).toContain('<meta name="robots" content="noindex"');
  });

  test('the correction is previewed beside the published version, with the figures it changes', () => {
    const page = preview.get(`${CORRECTED}/index.html`)!;
    expect(page).toContain('更正稿改动了哪些数字');
    expect(page).toMatch(/<tr data-path="keyFigures.basicExpenditure"[^>]*>.*?<del[^>]*>733.26<\/del>.*?<ins[^>]*>700.19<\/ins>/s);
    expect(page).toMatch(/<tr data-path="keyFigures.projectExpenditure"[^>]*>.*?<del[^>]*>750.70<\/del>.*?<ins[^>]*>783.77<\/ins>/s);
    expect(page).toContain('更正了基本支出和项目支出的金额');
    const v1 = preview.get(`${CORRECTED}/v1/index.html`)!;
    expect(v1).toContain('正式网站目前显示的版本');
    expect(v1).toContain('733.26');
    expect(preview.has(`${CORRECTED}/v1/source/index.html`)).toBe(true);
  });

  test('every list marks the records that are not public the same way', () => {
    const marks = (file: string) => [...preview.get(file)!.matchAll(/<span class="release-mark" data-state="([a-z]+)"[^>]*>([^<]*)<\/span>/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(marks('index.html')).toEqual(expect.arrayContaining(['draft:草稿', 'correction:更正稿（将替换已发布版本）', `embargoed:定于 ${addDays(TODAY, 1)} 发布`]));
    expect(marks('years/2026/index.html')).toEqual(expect.arrayContaining(['draft:草稿', 'correction:更正稿（将替换已发布版本）']));
    expect(marks('kaizhou/index.html')).toEqual(expect.arrayContaining(['draft:草稿', `embargoed:定于 ${addDays(TODAY, 1)} 发布`]));
    expect(marks('kaizhou/zhengwuxinxizhongxin/index.html')).toContain('correction:更正稿（将替换已发布版本）');
    expect(marks('quality/index.html')).toEqual(expect.arrayContaining(['draft:草稿', `embargoed:定于 ${addDays(TODAY, 1)} 发布`]));
    expect(preview.get('years/index.html')).toContain('其中草稿 1 份');
  });

  test('every record page opens with the findings panel: counts, what to check, the lines to acknowledge', () => {
    const page = preview.get('jiulongpo/dianzizhengwuzhongxin/2026/index.html')!;
    expect(page.indexOf('id="preview-findings"')).toBeLessThan(page.indexOf('id="findings"'));
    expect(page).toContain('错误 1 项');
    expect(page).toContain('  - code: change.impossible-year\n    explanation: 请在此写明单位的说明');
    expect(page).toContain('收入比上年减少78.06万元');
    expect(page).not.toMatch(/增减-\d/);
    expect(page).not.toContain('content/');
  });

  test("getCollection('records') gives every record in preview, the correction as its unit-year's current version", () => {
    expect(collection(preview)).toEqual([...PUBLISHED.filter((id) => id !== CORRECTED).map((id) => `${id} v1`), `${CORRECTED} v2`, `${DRAFT} v1`, `${EMBARGOED} v1`].sort());
  });

  test('the production dist/ is untouched by the preview build', () => {
    expect(existsSync(join(project.path, 'dist', DRAFT))).toBe(false);
  });
});

describe('npm run build after the correction is published', () => {
  let published: Map<string, string>;
  beforeAll(async () => {
    // The sign-off: `status: draft` removed, the 更正说明 kept.
    writeFileSync(join(project.path, 'seeds', `${CORRECTION_SEED}.meta.yml`), CORRECTION_NOTE);
    const build = await npmRun(project.path, 'build', { GONGKAI_TODAY: TODAY, GONGKAI_SITE: TEST_SITE });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
    published = readTree(join(project.path, 'dist'));
  }, 600_000);

  test('the page shows the corrected figures and the 更正说明 with its date, linking the previous version', () => {
    const page = published.get(`${CORRECTED}/index.html`)!;
    expect(page).toContain('700.19');
    expect(page).toMatch(/<time datetime="2026-05-18"[^>]*>[^<]*<\/time>[^<]*更正了基本支出和项目支出的金额。/);
    expect(page).toContain(`href="/${CORRECTED}/v1/"`);
    expect(page).not.toContain('更正稿改动了哪些数字');
    // …and the feeds announce it, dated.
    for (const feed of ['feed.xml', 'kaizhou/feed.xml']) {
      expect(parseRss(published.get(feed)!).items).toContainEqual(expect.objectContaining({
        title: '更正：2026年重庆市开州区政务信息中心预算公开', date: '2026-05-18', description: '更正了基本支出和项目支出的金额。',
      }));
    }
  });

  test("getCollection('records') gives the published correction, and still no draft or embargoed record", () => {
    expect(collection(published)).toEqual([...PUBLISHED.filter((id) => id !== CORRECTED).map((id) => `${id} v1`), `${CORRECTED} v2`].sort());
  });

  test('the previous version stays online at v1/, with what was corrected', () => {
    const v1 = published.get(`${CORRECTED}/v1/index.html`)!;
    expect(v1).toContain('本单位已发布更正后的第2版');
    expect(v1).toMatch(/<tr data-path="keyFigures.basicExpenditure"[^>]*>.*?<del[^>]*>733.26<\/del>.*?<ins[^>]*>700.19<\/ins>/s);
    expect(published.get(`${CORRECTED}/v1/source/index.html`)).toContain('基本支出733.26万元');
    // Site-wide, the unit-year is the corrected version (once), not both.
    expect(published.get('data/key-figures.csv')!.split('\n').filter((l) => l.includes('重庆市开州区政务信息中心') && l.includes('2026'))).toHaveLength(1);
  });
});
