import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fixtureContentDir } from '../../../tests/fixtures.ts';
import { recordPageKey, termsDigest } from '../cache-keys.ts';
import { readSummaries, type RecordSummary } from '../records.ts';
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
