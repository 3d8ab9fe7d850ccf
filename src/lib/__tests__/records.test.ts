import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  groupByDistrict, groupByUnit, latestPerUnit, recordJsonFileName, recordJsonPath, recordPath, selectVisible,
  tableCsvPath, unitPath, url, yearPath, years, absoluteUrl, districtPath, joinBase,
} from '../records.ts';
import { isReleased, previewMode, releaseToday, shanghaiDate } from '../../domain/release.ts';
import { makeRecord } from './fixtures.ts';

describe('release rules', () => {
  const today = '2026-03-15';

  test('a draft is never released, whatever its date', () => {
    expect(isReleased(makeRecord({ status: 'draft' }), today)).toBe(false);
    expect(isReleased(makeRecord({ status: 'draft', publishAt: '2020-01-01' }), today)).toBe(false);
  });

  test('a published record without embargo is released', () => {
    expect(isReleased(makeRecord(), today)).toBe(true);
  });

  test('embargo: yesterday and today are released, tomorrow is not', () => {
    expect(isReleased(makeRecord({ publishAt: '2026-03-14' }), today)).toBe(true);
    expect(isReleased(makeRecord({ publishAt: '2026-03-15' }), today)).toBe(true);
    expect(isReleased(makeRecord({ publishAt: '2026-03-16' }), today)).toBe(false);
  });

  test('GONGKAI_TODAY overrides the date; a malformed value is an error', () => {
    expect(releaseToday({ GONGKAI_TODAY: '2026-03-15' })).toBe('2026-03-15');
    expect(() => releaseToday({ GONGKAI_TODAY: '2026-3-15' })).toThrow(/GONGKAI_TODAY/);
    expect(releaseToday({}, new Date('2026-03-15T12:00:00Z'))).toBe('2026-03-15');
  });

  test('today is the Asia/Shanghai date: 16:00 UTC is already the next day', () => {
    expect(shanghaiDate(new Date('2026-03-15T15:59:59Z'))).toBe('2026-03-15');
    expect(shanghaiDate(new Date('2026-03-15T16:00:00Z'))).toBe('2026-03-16');
    expect(releaseToday({ GONGKAI_TODAY: '' }, new Date('2026-03-15T16:00:00Z'))).toBe('2026-03-16');
  });

  test('preview mode: dev server or GONGKAI_PREVIEW=1 only', () => {
    expect(previewMode({})).toBe(false);
    expect(previewMode({ GONGKAI_PREVIEW: '0' })).toBe(false);
    expect(previewMode({ GONGKAI_PREVIEW: '1' })).toBe(true);
    expect(previewMode({ GONGKAI_DEV_SERVER: '1' })).toBe(true);
    // A stray DEV=1 (vitest sets it) must never make a production build show drafts.
    expect(previewMode({ DEV: '1', MODE: 'development', NODE_ENV: 'development' })).toBe(false);
  });

  test('selectVisible drops drafts and embargoed records in production, keeps all in preview', () => {
    const records = [
      makeRecord({ unit: 'a' }),
      makeRecord({ unit: 'b', status: 'draft' }),
      makeRecord({ unit: 'c', publishAt: '2026-03-16' }),
      makeRecord({ unit: 'd', publishAt: '2026-03-15' }),
    ];
    expect(selectVisible(records, { preview: false, today }).map((r) => r.slug.unit)).toEqual(['a', 'd']);
    expect(selectVisible(records, { preview: true, today })).toHaveLength(4);
  });
});

describe('grouping', () => {
  const records = [
    makeRecord({ district: 'kaizhou', unit: 'zhengwu', year: 2024 }),
    makeRecord({ district: 'kaizhou', unit: 'zhengwu', year: 2026 }),
    makeRecord({ district: 'kaizhou', unit: 'weijian', unitName: '重庆市开州区卫生健康委员会', year: 2025 }),
    makeRecord({ district: 'jiulongpo', districtName: '九龙坡区', unit: 'dianzi', unitName: '重庆市九龙坡区电子政务中心', year: 2025 }),
  ];

  test('groupByUnit sorts each unit\'s records by year and picks the latest', () => {
    const zhengwu = groupByUnit(records).find((u) => u.unit === 'zhengwu')!;
    expect(zhengwu.records.map((r) => r.identity.year)).toEqual([2024, 2026]);
    expect(zhengwu.latest.identity.year).toBe(2026);
    expect(zhengwu.districtName).toBe('开州区');
  });

  test('groupByDistrict sorts districts by Chinese name (pinyin) and counts records', () => {
    const districts = groupByDistrict(records);
    expect(districts.map((d) => [d.name, d.units.length, d.recordCount])).toEqual([['九龙坡区', 1, 1], ['开州区', 2, 3]]);
    expect(districts[1]!.units.map((u) => u.unitName)).toEqual(['重庆市开州区卫生健康委员会', '重庆市开州区政务信息中心']);
  });

  test('a district without a name in any record falls back to its slug', () => {
    const [d] = groupByDistrict([makeRecord({ district: 'x', districtName: null })]);
    expect(d!.name).toBe('x');
  });

  test('years are distinct, most recent first', () => {
    expect(years(records)).toEqual([2026, 2025, 2024]);
  });

  test('latestPerUnit returns one record per unit, most recent year first', () => {
    expect(latestPerUnit(records).map((r) => r.id)).toEqual(['kaizhou/zhengwu/2026', 'jiulongpo/dianzi/2025', 'kaizhou/weijian/2025']);
  });
});

describe('routes', () => {
  afterEach(() => vi.unstubAllEnvs());
  const r = makeRecord({ district: 'kaizhou', unit: 'zhengwu', year: 2026 });

  test('route builders give ASCII paths with a trailing slash', () => {
    expect(districtPath('kaizhou')).toBe('/kaizhou/');
    expect(unitPath(r)).toBe('/kaizhou/zhengwu/');
    expect(recordPath(r)).toBe('/kaizhou/zhengwu/2026/');
    expect(recordJsonPath(r)).toBe('/kaizhou/zhengwu/2026/record.json');
    expect(tableCsvPath(r, { id: 't3' })).toBe('/kaizhou/zhengwu/2026/t3.csv');
    expect(recordJsonFileName(r)).toBe('kaizhou-zhengwu-2026.json');
    expect(yearPath(2026)).toBe('/years/2026/');
    expect(yearPath(2026, 'three-public')).toBe('/years/2026/three-public/');
  });

  test('joinBase handles a root base and a base with or without trailing slash', () => {
    expect(joinBase('/', '/')).toBe('/');
    expect(joinBase('/', '/data/')).toBe('/data/');
    expect(joinBase('/some/path/', '/')).toBe('/some/path/');
    expect(joinBase('/some/path', '/data/key-figures.csv')).toBe('/some/path/data/key-figures.csv');
    expect(joinBase('/some/path/', 'data/')).toBe('/some/path/data/');
  });

  test('url() and absoluteUrl() prefix the configured base', () => {
    vi.stubEnv('BASE_URL', '/some/path/');
    expect(url(recordPath(r))).toBe('/some/path/kaizhou/zhengwu/2026/');
    expect(absoluteUrl('/', 'https://example.gov.cn')).toBe('https://example.gov.cn/some/path/');
    vi.stubEnv('BASE_URL', '/');
    expect(url('/years/')).toBe('/years/');
  });
});
