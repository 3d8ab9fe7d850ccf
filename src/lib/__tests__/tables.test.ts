import { describe, expect, test } from 'vitest';
import { sortYearRecords } from '../year-table.ts';
import { unitYearColumns } from '../unit-history.ts';
import { formatField, keyFigureField } from '../../domain/key-figures.ts';
import { makeRecord } from './fixtures.ts';

const threePublic = (total: number | null) =>
  ({ total, outboundTravel: null, reception: null, vehicleOperation: null, vehiclePurchase: null });

describe('sortYearRecords', () => {
  const a = makeRecord({ unit: 'a', unitName: '甲单位', incomeTotal: 100, keyFigures: { changeFromPreviousYear: -50, threePublic: threePublic(10) } });
  const b = makeRecord({ unit: 'b', unitName: '乙单位', incomeTotal: 300, keyFigures: { changeFromPreviousYear: 20, threePublic: threePublic(null) } });
  const c = makeRecord({ unit: 'c', unitName: '丙单位', incomeTotal: null, keyFigures: { changeFromPreviousYear: null, threePublic: threePublic(30) } });
  const d = makeRecord({ unit: 'd', unitName: '丁单位', incomeTotal: 100, keyFigures: { changeFromPreviousYear: 0, threePublic: threePublic(0) } });
  const units = (sort: Parameters<typeof sortYearRecords>[1]) => sortYearRecords([a, b, c, d], sort).map((r) => r.slug.unit);

  test('by total: largest first, ties by unit name (pinyin), unknown last', () => {
    expect(units('total')).toEqual(['b', 'd', 'a', 'c']);
  });

  test('by change: biggest increase first, decreases after no change, unknown last', () => {
    expect(units('change')).toEqual(['b', 'd', 'a', 'c']);
  });

  test('by 三公: largest first, 0 before unknown', () => {
    expect(units('three-public')).toEqual(['c', 'a', 'd', 'b']);
  });

  test('does not reorder its input', () => {
    const input = [a, b];
    sortYearRecords(input, 'total');
    expect(input).toEqual([a, b]);
  });
});

describe('unitYearColumns', () => {
  const implied = (year: number, incomeTotal: number) => ({
    year, incomeTotal, expenditureTotal: null, generalBudget: null, basicExpenditure: null, projectExpenditure: null, threePublic: null,
  });

  test('adds a derived column for an implied year without a record', () => {
    const r2026 = makeRecord({ year: 2026, impliedPreviousYear: implied(2025, 900) });
    const r2024 = makeRecord({ year: 2024 });
    const cols = unitYearColumns([r2026, r2024]);
    expect(cols.map((c) => [c.year, c.kind])).toEqual([[2024, 'record'], [2025, 'implied'], [2026, 'record']]);
    const derived = cols[1]!;
    expect(derived.kind === 'implied' && derived.from.identity.year).toBe(2026);
  });

  test('a year with its own record is never replaced by implied figures', () => {
    const cols = unitYearColumns([makeRecord({ year: 2026, impliedPreviousYear: implied(2025, 900) }), makeRecord({ year: 2025 })]);
    expect(cols.map((c) => c.kind)).toEqual(['record', 'record']);
  });

  test('when two records imply the same year, the nearest later one wins', () => {
    const cols = unitYearColumns([
      makeRecord({ year: 2027, impliedPreviousYear: implied(2025, 1) }),
      makeRecord({ year: 2026, impliedPreviousYear: implied(2025, 2) }),
    ]);
    const derived = cols.find((c) => c.kind === 'implied');
    expect(derived?.kind === 'implied' && derived.figures.incomeTotal).toBe(2);
  });
});

describe('formatField', () => {
  test('amounts in 万元, changes signed, counts plain, missing as —', () => {
    expect(formatField(keyFigureField('incomeTotal'), 14_839_600)).toBe('1,483.96');
    expect(formatField(keyFigureField('changeFromPreviousYear'), 1_320_200)).toBe('+132.02');
    expect(formatField(keyFigureField('changeFromPreviousYear'), -1000)).toBe('-0.10');
    expect(formatField(keyFigureField('vehicles'), 3)).toBe('3');
    expect(formatField(keyFigureField('incomeTotal'), null)).toBe('—');
  });

  test('an unknown field name is an error', () => {
    expect(() => keyFigureField('incomeTotl')).toThrow(/incomeTotl/);
  });
});
