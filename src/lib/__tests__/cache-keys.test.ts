import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fixtureContentDir } from '../../../tests/fixtures.ts';
import { districtPagesKey, recordPageKey, termsDigest, unitPageKey, yearPageKey } from '../cache-keys.ts';
import { groupByDistrict, readSummaries, type RecordSummary } from '../records.ts';
import { listRecordFiles } from '../../domain/record-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-keys-'));
cpSync(await fixtureContentDir(), dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const find = (rs: RecordSummary[], year: number): RecordSummary =>
  rs.find((r) => r.slug.unit === 'zhengwuxinxizhongxin' && r.identity.year === year)!;
const terms = termsDigest([{ term: '基本支出', href: '/glossary/#jibenzhichu' }] as never);

describe('cache keys of the record pages', () => {
  const before = readSummaries(dir);
  const r2026 = find(before, 2026);
  const r2024 = find(before, 2024);
  const key = recordPageKey(r2026, [r2024], r2024, terms, [], null, false)!;

  test('are stable for the same inputs', () => {
    expect(recordPageKey(find(readSummaries(dir), 2026), [r2024], r2024, terms, [], null, false)).toBe(key);
  });

  test('change with the record file, the compared year\'s file, the other years and the glossary', () => {
    const file = listRecordFiles(dir).find((f) => f.endsWith('zhengwuxinxizhongxin/2024.json'))!;
    writeFileSync(file, readFileSync(file, 'utf8').replace('政务信息中心', '政务信息中心改'));
    const after = readSummaries(dir);
    expect(recordPageKey(r2026, [find(after, 2024)], find(after, 2024), terms, [], null, false)).not.toBe(key);
    expect(recordPageKey(r2026, [], r2024, terms, [], null, false)).not.toBe(key);
    expect(recordPageKey(r2026, [r2024], null, terms, [], null, false)).not.toBe(key);
    expect(recordPageKey(r2026, [r2024], r2024, termsDigest([]), [], null, false)).not.toBe(key);
    expect(recordPageKey(r2026, [r2024], r2024, terms, [r2026], null, false), 'an earlier version came online').not.toBe(key);
    expect(recordPageKey(r2026, [r2024], r2024, terms, [], { rank: 2, of: 3, districtTotal: 1, share: 0.5 }, false)).not.toBe(key);
  });

  test('are absent in preview, where every page is rendered', () => {
    expect(recordPageKey(r2026, [r2024], r2024, terms, [], null, true)).toBeUndefined();
  });
});

describe('cache keys of the district-scoped pages', async () => {
  // A copy of its own: the tests above edit theirs.
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-keys-'));
  cpSync(await fixtureContentDir(), dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const summaries = readSummaries(dir);
  const districts = groupByDistrict(summaries);
  const kaizhou = districts.find((d) => d.slug === 'kaizhou')!;
  const unit = kaizhou.units.find((u) => u.unit === 'zhengwuxinxizhongxin')!;
  const today = '2026-06-01';

  test('are stable for the same records, and differ between units and districts', () => {
    const again = groupByDistrict(readSummaries(dir)).find((d) => d.slug === 'kaizhou')!;
    expect(districtPagesKey(again, today, false)).toBe(districtPagesKey(kaizhou, today, false));
    expect(unitPageKey(again.units.find((u) => u.unit === unit.unit)!, false)).toBe(unitPageKey(unit, false));
    const keys = districts.map((d) => districtPagesKey(d, today, false));
    expect(new Set(keys).size).toBe(districts.length);
    expect(new Set(kaizhou.units.map((u) => unitPageKey(u, false))).size).toBe(kaizhou.units.length);
  });

  test('change with a record file of the unit or district, a record leaving it, the names shown and the date', () => {
    const file = listRecordFiles(dir).find((f) => f.endsWith('zhengwuxinxizhongxin/2026.json'))!;
    writeFileSync(file, readFileSync(file, 'utf8').replace('"name":', '"name": '));
    const changed = groupByDistrict(readSummaries(dir)).find((d) => d.slug === 'kaizhou')!;
    expect(districtPagesKey(changed, today, false)).not.toBe(districtPagesKey(kaizhou, today, false));
    expect(unitPageKey(changed.units.find((u) => u.unit === unit.unit)!, false)).not.toBe(unitPageKey(unit, false));
    // A record no longer visible (a draft, an embargo): the unit and district lose it.
    const fewer = groupByDistrict(summaries.filter((r) => r !== unit.records[0])).find((d) => d.slug === 'kaizhou')!;
    expect(districtPagesKey(fewer, today, false)).not.toBe(districtPagesKey(kaizhou, today, false));
    expect(unitPageKey(fewer.units.find((u) => u.unit === unit.unit)!, false)).not.toBe(unitPageKey(unit, false));
    expect(districtPagesKey({ ...kaizhou, name: '开州' }, today, false)).not.toBe(districtPagesKey(kaizhou, today, false));
    expect(unitPageKey({ ...unit, unitName: '改名' }, false)).not.toBe(unitPageKey(unit, false));
    // The district's feed lists what is released that day.
    expect(districtPagesKey(kaizhou, '2026-06-02', false)).not.toBe(districtPagesKey(kaizhou, today, false));
  });

  test('a year\'s table: by its records, in order, and the sort', () => {
    const y2026 = summaries.filter((r) => r.identity.year === 2026);
    const key = yearPageKey(2026, 'total', y2026, false);
    expect(yearPageKey(2026, 'total', [...y2026], false)).toBe(key);
    expect(yearPageKey(2026, 'change', y2026, false)).not.toBe(key);
    expect(yearPageKey(2026, 'total', y2026.slice(1), false)).not.toBe(key);
    expect(yearPageKey(2026, 'total', [...y2026].reverse(), false)).not.toBe(key);
    expect(yearPageKey(2026, 'total', y2026, true)).toBeUndefined();
  });

  test('are absent in preview', () => {
    expect(unitPageKey(unit, true)).toBeUndefined();
    expect(districtPagesKey(kaizhou, today, true)).toBeUndefined();
  });
});
