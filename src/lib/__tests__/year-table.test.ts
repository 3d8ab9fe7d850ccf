import { describe, expect, test } from 'vitest';
import { changeRatio, columnTotal, districtStanding, districtStandings, shareOfTotal } from '../year-table.ts';
import { makeRecord } from './fixtures.ts';

const rec = (unit: string, district: string, total: number | null, year = 2026) =>
  makeRecord({ unit, district, districtName: district, incomeTotal: total, year });

describe('year table comparisons', () => {
  test('a column total adds integers and is unknown when any unit is', () => {
    expect(columnTotal([10517400, 14839600])).toBe(25357000);
    expect(columnTotal([10517400, null])).toBeNull();
    expect(columnTotal([])).toBe(0);
  });

  test('share of a total, display only', () => {
    expect(shareOfTotal(25, 100)).toBe(0.25);
    expect(shareOfTotal(null, 100)).toBeNull();
    expect(shareOfTotal(25, 0)).toBeNull();
  });

  test('per cent change of the 一般公共预算财政拨款 against the implied previous year', () => {
    const r = makeRecord({ keyFigures: { generalBudget: 10517400, changeFromPreviousYear: -780600 } });
    expect(changeRatio(r)!.toFixed(4)).toBe((-780600 / 11298000).toFixed(4));
    expect(changeRatio(makeRecord({ keyFigures: { generalBudget: null, changeFromPreviousYear: 5 } }))).toBeNull();
  });

  test('rank and share among the units of the same district and year', () => {
    const a = rec('a', 'kaizhou', 600);
    const b = rec('b', 'kaizhou', 300);
    const c = rec('c', 'kaizhou', 100);
    const other = rec('d', 'yuzhong', 10_000);
    const lastYear = rec('a', 'kaizhou', 9_000, 2025);
    const all = [a, b, c, other, lastYear];
    expect(districtStanding(b, all)).toEqual({ rank: 2, of: 3, districtTotal: 1000, share: 0.3 });
    expect(districtStanding(a, all)!.rank).toBe(1);
    expect(districtStanding(other, all)).toEqual({ rank: 1, of: 1, districtTotal: 10_000, share: 1 });
    expect(districtStanding(rec('e', 'kaizhou', null), all)).toBeNull();
    // Grouped once for all records: the same standings; a district with a missing total has none.
    const withMissing = [...all, rec('f', 'yuzhong', null)];
    const standing = districtStandings(withMissing);
    expect(withMissing.map(standing)).toEqual([
      { rank: 1, of: 3, districtTotal: 1000, share: 0.6 }, { rank: 2, of: 3, districtTotal: 1000, share: 0.3 },
      { rank: 3, of: 3, districtTotal: 1000, share: 0.1 }, { rank: 1, of: 2, districtTotal: null, share: null },
      { rank: 1, of: 1, districtTotal: 9_000, share: 1 }, null,
    ]);
  });
});
