/**
 * Release states in real builds of a copy of the project (GONGKAI_TODAY fixed):
 *   seed 002 draft · seed 001 embargoed until tomorrow · seed 003 publishAt today · seed 004 publishAt
 *   yesterday (with an unacknowledged error) · seed 000 without sidecar.
 * `npm run build` must leave the draft and the embargoed record out of every file in dist/ — pages,
 * indexes, sitemap, search index (decompressed), data files, glossary — while publishing the others;
 * `npm run build:preview` shows them all, marked as preview.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS, tempDir } from '../../ingest/__tests__/helpers.ts';
import { formatWan } from '../../../src/domain/money.ts';
import { flattenFigures } from '../../../src/domain/figure-diff.ts';
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';
import { addDays } from './helpers.ts';
import { copyProject, npmRun, occurrences, readTree } from './project.ts';

const TODAY = '2026-05-20';
const DRAFT = 'kaizhou/shuzihuachengshiyunxinghezhilizhongxin/2026';
const EMBARGOED = 'kaizhou/zhengwuxinxizhongxin/2024';
const PUBLISHED = ['kaizhou/zhengwuxinxizhongxin/2026', 'yuzhong/renminzhengfubangongshi/2026', 'jiulongpo/dianzizhengwuzhongxin/2026'];

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

beforeAll(async () => {
  copyProject(project.path);
  const sidecar = (id: keyof typeof SEEDS, yaml: string) => writeFileSync(join(project.path, 'seeds', `${SEEDS[id]}.meta.yml`), yaml);
  sidecar('002', 'status: draft\n');
  sidecar('001', `publishAt: ${addDays(TODAY, 1)}\n`);
  sidecar('003', `publishAt: ${TODAY}\ncorrections:\n  - date: ${addDays(TODAY, -2)}\n    note: 更正了公务接待费的金额。\n`);
  sidecar('004', `status: published\npublishAt: ${addDays(TODAY, -1)}\n`);
  const build = await npmRun(project.path, 'build', { GONGKAI_TODAY: TODAY });
  if (build.status !== 0) throw new Error(`npm run build failed (${build.status}):\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  dist = readTree(join(project.path, 'dist'));
  records = new Map();
  for (const id of [DRAFT, EMBARGOED, ...PUBLISHED]) {
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

  test('shows the draft and the embargoed record with the banner and noindex', () => {
    for (const id of [DRAFT, EMBARGOED]) {
      const html = preview.get(`${id}/index.html`);
      expect(html, id).toBeDefined();
      expect(html).toContain('预览稿 · 未发布');
      expect(html).toContain('<meta name="robots" content="noindex"');
    }
  });

  test('/quality/ marks records that are not public yet', () => {
    const html = preview.get('quality/index.html')!;
    expect(html).toContain('草稿 · 未发布');
    expect(html).toContain(`定于 ${addDays(TODAY, 1)} 发布`);
  });

  test('the production dist/ is untouched by the preview build', () => {
    expect(existsSync(join(project.path, 'dist', DRAFT))).toBe(false);
  });
});
