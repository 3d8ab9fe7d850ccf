import { describe, expect, test } from 'vitest';
import { lastmodById, recordLastmod, sitemapFilter } from '../sitemap-options.ts';
import { summarize } from '../../domain/record-summary.ts';
import { seedWith } from '../../components/record/__tests__/fixture.ts';

const withRelease = (release: object, publicationDate: string | null = '2026-03-11') => {
  const r = seedWith('000', {});
  return summarize({ ...r, identity: { ...r.identity, publicationDate }, release: { ...r.release, ...release } });
};

describe('sitemap lastmod', () => {
  test('a record page is dated by its latest of publishAt, publication date and corrections', () => {
    expect(recordLastmod(withRelease({}))).toBe('2026-03-11');
    expect(recordLastmod(withRelease({ publishAt: '2026-04-01' }))).toBe('2026-04-01');
    expect(recordLastmod(withRelease({ corrections: [{ date: '2026-05-02', note: '更正。' }] }))).toBe('2026-05-02');
    expect(recordLastmod(withRelease({}, null))).toBeNull();
  });

  test('a unit page takes its most recent record', () => {
    const a = withRelease({}, '2026-03-11');
    const b = { ...withRelease({}, '2024-02-01'), id: 'kaizhou/zhengwuxinxizhongxin/2024' };
    const dates = lastmodById([b, a]);
    expect(dates.get('kaizhou/zhengwuxinxizhongxin')).toBe('2026-03-11');
    expect(dates.get('kaizhou/zhengwuxinxizhongxin/2024')).toBe('2024-02-01');
  });
});

test('the sitemap leaves out search, 404 and the re-sorted year tables', () => {
  expect(['/search/', '/x/404/', '/years/2026/change/', '/x/years/2026/three-public/'].filter(sitemapFilter)).toEqual([]);
  expect(['/', '/years/2026/', '/kaizhou/', '/kaizhou/zhengwu/2026/', '/data/'].every(sitemapFilter)).toBe(true);
});
