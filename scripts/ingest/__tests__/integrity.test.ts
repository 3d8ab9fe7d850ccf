/**
 * Issue 19 — integrity under attack and accident. Each case is a class of inputs, tested through
 * generated variants (fast-check, fixed seeds) rather than the one input that first showed it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { releaseToday } from '../../../src/domain/release.ts';
import { isCalendarDate } from '../../../src/domain/calendar.ts';
import { parseSidecar } from '../run/sidecar.ts';
import { parseDocument } from '../index.ts';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest, ingestFiles, listSeeds } from '../run/corpus.ts';
import { writeContent } from '../stages/write.ts';
import { districtSlug, MAX_SLUG_BYTES, nameDigest, toSlug, unitSlug } from '../../../src/domain/slug.ts';
import { RESERVED_SEGMENTS } from '../../../src/domain/reserved.ts';
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';
import { filesUnder, folderDifferences, REPO_ROOT, seedRecord, seedText, tempDir } from './helpers.ts';

const FC = { seed: 19, numRuns: 300 };
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('case 12: GONGKAI_TODAY must be a real date', () => {
  it('every YYYY-MM-DD off the calendar is refused, with a message naming it; every real one is taken', () => {
    const ymd = fc.tuple(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }));
    fc.assert(fc.property(ymd, ([y, m, d]) => {
      const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
      const real = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
      if (real) expect(releaseToday({ GONGKAI_TODAY: s })).toBe(s);
      else expect(() => releaseToday({ GONGKAI_TODAY: s })).toThrow(new RegExp(`GONGKAI_TODAY.*${s}.*YYYY-MM-DD`));
    }), { ...FC, numRuns: 2000 });
    for (const s of ['9999-99-99', '2026-02-30', '2025-02-29', '2026-04-31', '2026-00-10', '2026-13-01', '2026-1-1', ' 2026-01-01', 'today']) {
      expect(isCalendarDate(s)).toBe(false);
      expect(() => releaseToday({ GONGKAI_TODAY: s })).toThrow(/GONGKAI_TODAY/);
    }
    expect(releaseToday({ GONGKAI_TODAY: '2024-02-29' })).toBe('2024-02-29');
  });
});

describe('case 12: a YAML alias bomb in a sidecar', () => {
  /** `levels` of anchors, each a list of `width` aliases to the one before: width^levels nodes once expanded. */
  const bomb = (levels: number, width: number, key: string) => {
    const out = [`${key}0: &a0 ["x"]`];
    for (let i = 1; i <= levels; i++) out.push(`${key}${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]`);
    return out.join('\n');
  };
  it('is refused at the line of its first anchor, quickly, as a sidecar diagnostic', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2, max: 12 }), fc.constantFrom('status', 'x', 'publishAt'), fc.nat({ max: 3 }),
      (levels, width, key, before) => {
        const text = `${'# note\n'.repeat(before)}${bomb(levels, width, key)}\n`;
        const start = performance.now();
        const r = parseSidecar(text, 'seeds/a.txt.meta.yml');
        expect(performance.now() - start).toBeLessThan(1000);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.diagnostics).toHaveLength(1);
        expect(r.diagnostics[0]).toMatchObject({ file: 'seeds/a.txt.meta.yml', line: before + 1, kind: 'sidecar' });
        expect(r.diagnostics[0]!.message).toMatch(/锚点或别名/);
      }), FC);
  });
  it('a single alias of a valid value is refused too (a sidecar never needs one)', () => {
    const r = parseSidecar('status: &s published\npublishAt: 2026-01-01\nx: *s\n', 'a.meta.yml');
    expect(r.ok).toBe(false);
  });
});

// ————— Ingests of small generated seed folders (seed 000 and a variant of it) —————

/** Seed 000 (重庆市开州区政务信息中心, 2026, published) with names, year and figures changed. */
function variant(o: { unit?: [string, string]; city?: string; district?: string; year?: number; text?: (t: string) => string }): string {
  let t = seedText('000');
  if (o.year !== undefined) {
    const shift = 2026 - o.year;
    t = t.replace(/20(2[0-9])/g, (y) => String(Number(y) - shift));
  }
  if (o.unit) t = t.replaceAll(o.unit[0], o.unit[1]);
  if (o.city) t = t.replaceAll('重庆市', o.city);
  if (o.district) t = t.replaceAll('开州区', o.district).replaceAll('开州', o.district.replace(/区$/, ''));
  return o.text ? o.text(t) : t;
}

const ORIGINAL_ID = 'kaizhou/zhengwuxinxizhongxin/2026';

/** Ingests `files` (name → text; `.meta.yml` for sidecars) into a fresh content/; returns its records and the outcome. */
async function ingestFolder(files: Record<string, string>) {
  const dir = tempDir('integrity');
  try {
    const seeds = join(dir.path, 'seeds');
    mkdirSync(seeds);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(seeds, name), text);
    const result = await ingest(seeds, join(dir.path, 'content'), { workers: 0 });
    const index = JSON.parse(readFileSync(join(dir.path, 'content/index.json'), 'utf8')) as { id: string; version?: number }[];
    const file = (e: { id: string; version?: number }) => `${e.id}${e.version ? `.v${e.version}` : ''}.json`;
    // By id: the original of a re-issued unit-year (versions are tested in their own suite).
    const records = new Map(index.filter((e) => !e.version).map((e) => [e.id, JSON.parse(readFileSync(join(dir.path, 'content/records', file(e)), 'utf8')) as UnitYearRecord]));
    // Every record file is listed and every listed one exists.
    expect(filesUnder(join(dir.path, 'content/records')).sort()).toEqual(index.map(file).sort());
    // The streaming ingest gives the same bytes as the one that keeps whole records.
    const full = join(dir.path, 'full');
    writeContent(full, (await ingestFiles(listSeeds(seeds), seeds, { workers: 0 })).content);
    expect(folderDifferences(join(dir.path, 'content'), full)).toEqual([]);
    return { result, records, index };
  } finally {
    dir.cleanup();
  }
}

/** Characters of 政务信息中心 and homophones of each (same toneless pinyin). */
const HOMOPHONES: [string, string[]][] = [['政', ['正', '证', '症']], ['务', ['物', '误', '悟']], ['信', ['新', '心', '欣']], ['息', ['希', '惜', '西']], ['中', ['钟', '忠', '终']], ['心', ['新', '欣', '辛']]];
const sidecarFor = (status: 'draft' | 'published' | null): Record<string, string> => (status ? { 'b.txt.meta.yml': `status: ${status}\n` } : {});

describe('case 1: homophone unit names never collide; a newcomer never removes a published record', () => {
  it('generated homophones, as drafts or published, same or other year', async () => {
    const arb = fc.record({
      at: fc.nat({ max: HOMOPHONES.length - 1 }), pick: fc.nat({ max: 2 }),
      status: fc.constantFrom<'draft' | 'published' | null>('draft', 'published', null), year: fc.constantFrom(2026, 2025),
    });
    await fc.assert(fc.asyncProperty(arb, async ({ at, pick, status, year }) => {
      const [from, tos] = HOMOPHONES[at]!;
      const name = '政务信息中心'.replace(from, tos[pick]!);
      expect(toSlug(name)).toBe(toSlug('政务信息中心'));
      const { records } = await ingestFolder({ 'a.txt': seedText('000'), 'b.txt': variant({ unit: ['政务信息中心', name], year }), ...sidecarFor(status) });
      const original = [...records.values()].find((r) => r.identity.unit === '重庆市开州区政务信息中心');
      const other = [...records.values()].find((r) => r.identity.unit === `重庆市开州区${name}`);
      // Both are published under URLs of their own; one keeps the plain slug, the other's says which name it is.
      expect(records.size).toBe(2);
      expect(original?.identity.year).toBe(2026);
      expect(other?.identity.year).toBe(year);
      // A draft never takes the published unit's URL; of two published with one year each, the earlier keeps it.
      const newcomerKeeps = status !== 'draft' && year < 2026;
      expect(original!.id).toBe(newcomerKeeps ? `kaizhou/zhengwuxinxizhongxin-${nameDigest('重庆市开州区政务信息中心')}/2026` : ORIGINAL_ID);
      expect(other!.id).toBe(newcomerKeeps ? `kaizhou/zhengwuxinxizhongxin/${year}` : `kaizhou/zhengwuxinxizhongxin-${nameDigest(`重庆市开州区${name}`)}/${year}`);
    }), { seed: 1, numRuns: 12 });
  });

  it('the same unit and year twice: a draft copy never removes the published one', async () => {
    const { records, index } = await ingestFolder({ 'a.txt': seedText('000'), 'b.txt': seedText('000'), ...sidecarFor('draft') });
    expect([...records.keys()]).toEqual([ORIGINAL_ID]);
    expect(records.get(ORIGINAL_ID)!.release.status).toBe('published');
    expect(index).toHaveLength(2);
  });
});

describe('case 2: the district key holds the city, so different districts are never compared', () => {
  it('generated cities with a district of the same name', async () => {
    const arb = fc.record({
      city: fc.constantFrom('宁波市', '成都市', '武汉市', '广州市'), year: fc.constantFrom(2025, 2024),
      status: fc.constantFrom<'draft' | 'published' | null>('draft', 'published', null),
    });
    await fc.assert(fc.asyncProperty(arb, async ({ city, year, status }) => {
      // With another Chongqing unit in 开州区 (seed 001), Chongqing has the longer history and keeps the URL.
      const { records } = await ingestFolder({ 'a.txt': seedText('000'), 'c.txt': seedText('001'), 'b.txt': variant({ city, year }), ...sidecarFor(status) });
      const original = records.get(ORIGINAL_ID)!;
      expect(original.identity.city).toBe('重庆市');
      expect(original.findings.filter((f) => f.code.startsWith('crossYear'))).toEqual([]);
      expect(JSON.stringify(original)).not.toContain(city);
      const other = [...records.values()].find((r) => r.identity.city === city)!;
      expect(other.slug.district).toBe(`kaizhou-${nameDigest(`${city}开州区`)}`);
      expect(other.findings.filter((f) => f.code.startsWith('crossYear'))).toEqual([]);
    }), { seed: 2, numRuns: 8 });
  });

  it('control: the same district a year earlier is compared (the check is on)', async () => {
    const { records } = await ingestFolder({ 'a.txt': seedText('000'), 'b.txt': variant({ year: 2025 }) });
    expect(records.get(ORIGINAL_ID)!.findings.filter((f) => f.code === 'crossYear.previous-mismatch').length).toBeGreaterThan(0);
  });
});

describe('case 4: cross-year checks compare only with records shown wherever the record is', () => {
  const mismatches = (r: UnitYearRecord) => r.findings.filter((f) => f.code === 'crossYear.previous-mismatch').length;
  const sidecar = (status: 'draft' | 'published', publishAt: string | null) => `status: ${status}\n${publishAt ? `publishAt: ${publishAt}\n` : ''}`;
  it('generated release states of both years', async () => {
    const release = fc.record({ status: fc.constantFrom<'draft' | 'published'>('draft', 'published'), publishAt: fc.constantFrom(null, '2026-01-01', '2026-06-01') });
    await fc.assert(fc.asyncProperty(release, release, async (cur, prev) => {
      const { records } = await ingestFolder({
        'a.txt': seedText('000'), 'a.txt.meta.yml': sidecar(cur.status, cur.publishAt),
        'b.txt': variant({ year: 2025 }), 'b.txt.meta.yml': sidecar(prev.status, prev.publishAt),
      });
      const compared = mismatches(records.get(ORIGINAL_ID)!) > 0;
      // Every build showing the 2026 record (a preview, or production from its publishAt) shows 2025 too.
      const shownWherever = cur.status === 'draft'
        || (prev.status === 'published' && (prev.publishAt === null || (cur.publishAt !== null && prev.publishAt <= cur.publishAt)));
      expect(compared).toBe(shownWherever);
      if (cur.status === 'published' && prev.status === 'draft') {
        expect(JSON.stringify(records.get(ORIGINAL_ID))).not.toMatch(/2025年公开文件为/);
      }
    }), { seed: 4, numRuns: 18 });
  });
});

describe('cases 7 and 8: slugs are bounded path segments and never a reserved word', () => {
  it('any name gives a slug of [a-z0-9-], at most MAX_SLUG_BYTES, not reserved, stable', () => {
    const name = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 600 }),
      fc.constantFrom(...[...RESERVED_SEGMENTS].map((w) => `${w}区`)), fc.constantFrom('归德区', '大塔区', '归德', '大塔'));
    fc.assert(fc.property(name, fc.option(fc.constantFrom('重庆市', '宁波市')), (n, city) => {
      for (const slug of [districtSlug(n, city), unitSlug(n, city, null), districtSlug(null, n)]) {
        expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
        expect(RESERVED_SEGMENTS.has(slug)).toBe(false);
      }
      expect(districtSlug(n, city)).toBe(districtSlug(n, city));
    }), { seed: 7, numRuns: 2000 });
  });

  it('every top-level page of the site is a reserved word', () => {
    const pages = readdirSync(join(REPO_ROOT, 'src/pages')).filter((n) => !n.startsWith('['))
      .map((n) => n.replace(/\.(astro|mdx|md|ts)$/, ''));
    for (const p of pages) expect(RESERVED_SEGMENTS.has(p), p).toBe(true);
  });

  it('a unit with a 600-character name, and districts whose pinyin is a page (归德 guide, 大塔 data), are ingested with the others', async () => {
    const long = '信息'.repeat(300);
    const { records, result } = await ingestFolder({
      'a.txt': seedText('000'), 'b.txt': variant({ unit: ['政务信息中心', long] }), 'c.txt': variant({ district: '归德区' }), 'd.txt': variant({ district: '大塔区' }),
    });
    expect(result.outcomes.map((o) => o.diagnostics.filter((d) => d.kind !== 'missing-section'))).toEqual([[], [], [], []]);
    expect(records.size).toBe(4);
    for (const r of records.values()) {
      expect(RESERVED_SEGMENTS.has(r.slug.district)).toBe(false);
      for (const seg of r.id.split('/')) expect(Buffer.byteLength(seg)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    }
    expect([...records.values()].find((r) => r.identity.unit.endsWith(long))!.slug.unit).toMatch(/^[a-z]+-[0-9a-f]{8}$/);
  });
});

describe('case 5: a sidecar must be named exactly after its seed (fail closed)', () => {
  /** Misspellings of `a.txt.meta.yml`: case, extension, trailing spaces, dropped seed extension. */
  const misnamed = fc.record({
    stem: fc.constantFrom('a.txt', 'a', 'A.txt', 'a.TXT', 'a.txt ', 'renamed.txt', 'b'),
    ext: fc.constantFrom('.meta.yml', '.meta.yaml', '.Meta.yml', '.META.YML', '.meta.Yaml', '.meta.YAML'),
    trail: fc.constantFrom('', ' ', '  ', '\t'),
  }).map(({ stem, ext, trail }) => `${stem}${ext}${trail}`).filter((n) => n !== 'a.txt.meta.yml' && n !== 'a.txt.meta.yaml' && n !== 'b.meta.yml' && n !== 'b.meta.yaml');

  it('generated misnamed or orphan sidecars keep their seed out of content/, with a sidecar diagnostic naming them', async () => {
    await fc.assert(fc.asyncProperty(misnamed, async (name) => {
      const { records, result } = await ingestFolder({ 'a.txt': seedText('000'), [name]: 'status: draft\n', 'c.txt': seedText('003'), 'c.txt.meta.yml': 'status: published\n' });
      const a = result.outcomes.find((o) => o.file.endsWith('a.txt'))!;
      expect(a.record).toBeNull();
      expect(a.diagnostics.some((d) => d.kind === 'sidecar' && d.file.endsWith(name) && d.message.includes('没有对应的公开文件'))).toBe(true);
      // Never read as a seed; the seed with its own sidecar is published as before.
      expect(result.outcomes.map((o) => o.file.split('/').pop())).toEqual(['a.txt', 'c.txt']);
      expect([...records.values()].map((r) => r.identity.unit)).toEqual([seedRecord('003').identity.unit]);
    }), { seed: 5, numRuns: 25 });
  });

  it('`.meta.yaml` is accepted; both spellings at once are an error', async () => {
    const { records } = await ingestFolder({ 'a.txt': seedText('000'), 'a.txt.meta.yaml': 'status: draft\n' });
    expect(records.get(ORIGINAL_ID)!.release.status).toBe('draft');
    const both = await ingestFolder({ 'a.txt': seedText('000'), 'a.txt.meta.yaml': 'status: draft\n', 'a.txt.meta.yml': 'status: draft\n' });
    expect(both.records.size).toBe(0);
  });
});

describe('case 6: symbolic links in seeds/ are never followed', () => {
  it('links to a file or folder outside, loops and a linked sidecar: each one diagnostic, nothing read, the rest published', async () => {
    const dir = tempDir('links');
    try {
      const outside = join(dir.path, 'outside');
      mkdirSync(join(outside, 'folder'), { recursive: true });
      writeFileSync(join(outside, 'secret.txt'), seedText('001'));
      writeFileSync(join(outside, 'folder', 'x.txt'), seedText('002'));
      writeFileSync(join(outside, 'draft.meta.yml'), 'status: published\n');
      const seeds = join(dir.path, 'seeds');
      mkdirSync(join(seeds, 'sub'), { recursive: true });
      writeFileSync(join(seeds, 'a.txt'), seedText('000'));
      writeFileSync(join(seeds, 'd.txt'), seedText('003'));
      symlinkSync(join(outside, 'draft.meta.yml'), join(seeds, 'd.txt.meta.yml'));
      symlinkSync(join(outside, 'secret.txt'), join(seeds, 'link.txt'));
      symlinkSync(join(outside, 'folder'), join(seeds, 'linked-folder'));
      symlinkSync(seeds, join(seeds, 'sub', 'loop'));
      symlinkSync('..', join(seeds, 'sub', 'up'));
      symlinkSync(join(seeds, 'missing.txt'), join(seeds, 'broken.txt'));
      const start = performance.now();
      const files = listSeeds(seeds).map((f) => f.slice(seeds.length + 1)).sort();
      expect(performance.now() - start).toBeLessThan(2000);
      // `sub` holds entries that are not folders (links are never folders here): it is one disclosure.
      expect(files).toEqual(['a.txt', 'broken.txt', 'd.txt', 'link.txt', 'linked-folder', 'sub']);
      const result = await ingest(seeds, join(dir.path, 'content'), { workers: 0 });
      const byFile = new Map(result.outcomes.map((o) => [o.file.slice(o.file.indexOf('seeds/') + 6), o]));
      for (const f of ['broken.txt', 'link.txt', 'linked-folder', 'sub']) {
        expect(byFile.get(f)!.record, f).toBeNull();
        expect(byFile.get(f)!.diagnostics.map((d) => d.message).join(), f).toMatch(/符号链接.*不会跟随/);
      }
      expect(byFile.get('d.txt')!.record).toBeNull();
      expect(byFile.get('d.txt')!.diagnostics[0]!.message).toMatch(/符号链接/);
      expect(result.published.map((s) => s.unit)).toEqual(['重庆市开州区政务信息中心']);
      expect(readFileSync(join(dir.path, 'content/index.json'), 'utf8')).not.toContain(seedRecord('001').source.sha256);
    } finally {
      dir.cleanup();
    }
  });
});

describe('case 11: 160,000 paragraphs in one section', () => {
  it('give a record, not a stack overflow (no spread of a whole list into one call)', () => {
    const lines = seedText('000').split('\n');
    const at = lines.findIndex((l) => l.includes('收入预算'));
    const many = Array.from({ length: 160_000 }, (_, i) => `第${i}段说明文字。`);
    const { record, diagnostics } = parseDocument(Buffer.from([...lines.slice(0, at + 1), ...many, ...lines.slice(at + 1)].join('\n')), 'x.txt');
    expect(diagnostics.filter((d) => d.kind === 'internal')).toEqual([]);
    expect(record).not.toBeNull();
  }, 180_000);
});
