import { describe, expect, test } from 'vitest';
import {
  economicClassCharts, functionClassChart, incomeSourceChart, recordBlockCharts, spendingSplitChart,
  threePublicChart, unitTrendCharts, yearComparisonChart,
} from '../data.ts';
import type { ChartSpec } from '../spec.ts';
import { contentRecord } from './records.ts';

const jiulongpo = () => contentRecord('jiulongpo/dianzizhengwuzhongxin/2026');
const kaizhou2024 = () => contentRecord('kaizhou/zhengwuxinxizhongxin/2024');
const kaizhou2026 = () => contentRecord('kaizhou/zhengwuxinxizhongxin/2026');
const shuzihua = () => contentRecord('kaizhou/shuzihuachengshiyunxinghezhilizhongxin/2026');
const yuzhong = () => contentRecord('yuzhong/renminzhengfubangongshi/2026');

/** 万元 number back to integer 元 (display numbers carry at most four decimals). */
const toYuan = (wan: number | null) => (wan === null ? null : Math.round(wan * 10_000));

/** label → 元 of one dataset. */
function pairs(spec: ChartSpec, dataset = 0): Array<[string, number | null]> {
  return spec.labels.map((label, i) => [label, toYuan(spec.datasets[dataset]!.values[i]!)]);
}

describe('functionClassChart', () => {
  test('draws every non-zero function class with the record’s amounts, in document order', () => {
    const record = jiulongpo();
    const spec = functionClassChart(record)!;
    expect(spec.kind).toBe('horizontalBar');
    expect(spec.unit).toBe('万元');
    expect(spec.datasets[0]!.values).toEqual([1002.71, 30.15, 6.32, 12.56]);
    expect(pairs(spec)).toEqual(record.expenditure.byFunction.filter((f) => f.amount !== 0).map((f) => [f.label, f.amount]));
    expect(spec.labels).not.toContain('教育支出'); // 0 in the document
  });

  test('no chart when fewer than two classes have money', () => {
    const record = jiulongpo();
    record.expenditure.byFunction = record.expenditure.byFunction.slice(0, 1);
    expect(functionClassChart(record)).toBeNull();
  });
});

describe('incomeSourceChart', () => {
  test('no chart for a single source of money (every seed)', () => {
    for (const record of [jiulongpo(), kaizhou2026(), yuzhong()]) expect(incomeSourceChart(record)).toBeNull();
  });

  test('draws each source that brings money when there are several', () => {
    const record = kaizhou2026();
    record.income.sources[0]!.amount = 14_000_000;
    record.income.sources[4]!.amount = 839_600;
    const spec = incomeSourceChart(record)!;
    expect(pairs(spec)).toEqual([['一般公共预算拨款', 14_000_000], ['事业单位经营收入', 839_600]]);
  });
});

describe('spendingSplitChart', () => {
  test('this year beside the previous year implied by the stated changes, flagged derived', () => {
    const record = kaizhou2026();
    const spec = spendingSplitChart(record, null)!;
    const implied = record.impliedPreviousYear!;
    expect(spec.labels).toEqual(['2025年（推算）', '2026年']);
    expect(spec.datasets.map((d) => d.label)).toEqual(['基本支出', '项目支出']);
    expect(spec.datasets.map((d) => d.values.map(toYuan))).toEqual([
      [implied.basicExpenditure, record.keyFigures.basicExpenditure],
      [implied.projectExpenditure, record.keyFigures.projectExpenditure],
    ]);
    expect(spec.datasets[0]!.values).toEqual([636.24, 733.26]);
    for (const d of spec.datasets) expect(d.derived).toEqual([true, false]);
    expect(spec.title).toBe('基本支出与项目支出：2025年与2026年');
  });

  test('a previous year the site publishes is used as printed, not derived', () => {
    const spec = spendingSplitChart(kaizhou2026(), kaizhou2024())!;
    expect(spec.labels).toEqual(['2024年', '2026年']);
    expect(spec.datasets[0]!.values).toEqual([558.29, 733.26]);
    expect(spec.datasets.every((d) => d.derived === undefined)).toBe(true);
  });

  test('only this year when nothing is known of the previous one', () => {
    const record = kaizhou2026();
    record.impliedPreviousYear = null;
    const spec = spendingSplitChart(record, null)!;
    expect(spec.labels).toEqual(['2026年']);
    expect(spec.title).toBe('2026年基本支出与项目支出');
  });
});

describe('threePublicChart', () => {
  test('items and total this year against last year’s derived from each stated change', () => {
    const record = yuzhong();
    const spec = threePublicChart(record, null)!;
    expect(spec.labels).toEqual(['因公出国（境）费', '公务接待费', '公务用车运行维护费', '公务用车购置费', '合计']);
    const [now, before] = spec.datasets;
    expect(now!.label).toBe('2026年');
    expect(now!.values.map(toYuan)).toEqual(
      (['outboundTravel', 'reception', 'vehicleOperation', 'vehiclePurchase', 'total'] as const).map((k) => record.threePublic[k].amount),
    );
    expect(before!.label).toBe('2025年（推算）');
    expect(before!.values).toEqual([0, 28.85, 79.6, 218, 326.45]);
    expect(toYuan(before!.values[4]!)).toBe(record.impliedPreviousYear!.threePublic);
    expect(before!.derived).toEqual([true, true, true, true, true]);
  });

  test('a previous year the site publishes is used as printed, not derived', () => {
    const [r2024, r2026] = [kaizhou2024(), kaizhou2026()];
    const spec = threePublicChart(r2026, r2024)!;
    expect(spec.title).toBe('“三公”经费：2026年与2024年');
    expect(spec.datasets.map((d) => d.label)).toEqual(['2026年', '2024年']);
    expect(spec.datasets[1]!.values.map(toYuan)).toEqual(
      (['outboundTravel', 'reception', 'vehicleOperation', 'vehiclePurchase', 'total'] as const).map((k) => r2024.threePublic[k].amount),
    );
    expect(spec.datasets.every((d) => d.derived === undefined)).toBe(true);
  });

  test('an item whose change is not stated has no derived value', () => {
    const spec = threePublicChart(shuzihua(), null)!;
    expect(spec.datasets[1]!.values).toEqual([null, null, null, null, 1]);
    expect(spec.datasets[1]!.derived).toEqual([false, false, false, false, true]);
  });

  test('no chart when every amount is zero', () => {
    expect(threePublicChart(jiulongpo(), null)).toBeNull();
  });

  test('an amount inferred from the total is flagged derived', () => {
    const record = yuzhong();
    record.threePublic.reception.inferred = true;
    expect(threePublicChart(record, null)!.datasets[0]!.derived).toEqual([false, true, false, false, false]);
  });
});

describe('economicClassCharts', () => {
  test('one chart per 经济分类 table (基本支出, 项目支出), 款 amounts from its first amount column, largest first', () => {
    const record = jiulongpo();
    const specs = economicClassCharts(record);
    expect(specs.map((s) => s.id)).toEqual(['chart-t3', 'chart-t10']);
    for (const spec of specs) {
      const table = record.tables.find((t) => `chart-${t.id}` === spec.id)!;
      const expected = table.rows.filter((r) => r.level === 'section' && r.cells[table.numericColumns[0]!]!.fen)
        .map((r) => [r.cells[1]!.text, r.cells[table.numericColumns[0]!]!.fen! / 100] as const);
      expect(pairs(spec).sort()).toEqual([...expected].sort());
      const values = spec.datasets[0]!.values as number[];
      expect(values).toEqual([...values].sort((a, b) => b - a));
    }
    expect(specs[0]!.labels.slice(0, 2)).toEqual(['绩效工资', '基本工资']);
    expect(specs[0]!.datasets[0]!.values.slice(0, 2)).toEqual([55.37, 29.62]);
    expect(specs[1]!.title).toBe('2026年项目支出按经济分类科目（款）');
  });

  test('no charts for records without those tables', () => {
    expect(economicClassCharts(kaizhou2026())).toEqual([]);
  });
});

describe('recordBlockCharts', () => {
  test('maps each block of the unit-year page to its charts', () => {
    const record = jiulongpo();
    const ids = (block: string) => recordBlockCharts(record, null, block).map((s) => s.id);
    expect(ids('function')).toEqual(['chart-function']);
    expect(ids('spending')).toEqual(['chart-spending']);
    expect(ids('threePublic')).toEqual([]); // all zero
    expect(ids('tables')).toEqual(['chart-t3', 'chart-t10']);
    expect(ids('income')).toEqual([]);
    expect(ids('duties')).toEqual([]);
    expect(ids('toString')).toEqual([]);
  });
});

describe('unitTrendCharts', () => {
  test('every year of the unit, with the years implied by later documents flagged derived', () => {
    const [r2024, r2026] = [kaizhou2024(), kaizhou2026()];
    const [budget, threePublic] = unitTrendCharts([r2026, r2024]);
    expect(budget!.labels).toEqual(['2023年（推算）', '2024年', '2025年（推算）', '2026年']);
    for (const d of [...budget!.datasets, ...threePublic!.datasets]) expect(d.derived).toEqual([true, false, true, false]);
    const [total, basic, project] = budget!.datasets;
    expect(total!.values.map(toYuan)).toEqual([
      r2024.impliedPreviousYear!.expenditureTotal, r2024.keyFigures.expenditureTotal,
      r2026.impliedPreviousYear!.expenditureTotal, r2026.keyFigures.expenditureTotal,
    ]);
    expect(basic!.values).toEqual([543.79, 558.29, 636.24, 733.26]);
    expect(project!.values).toEqual([34, 34, 715.7, 750.7]);
    expect(threePublic!.datasets[0]!.values).toEqual([1.9, 1.8, 1.7, 1.6]);
  });

  test('a derived total falls back to the implied income total when no expenditure total is implied', () => {
    const record = jiulongpo();
    expect(record.impliedPreviousYear!.expenditureTotal).toBeNull();
    const [budget] = unitTrendCharts([record]);
    expect(budget!.datasets[0]!.values.map(toYuan)).toEqual([record.impliedPreviousYear!.incomeTotal, record.keyFigures.expenditureTotal]);
  });

  test('no trend for a unit with one year and nothing implied', () => {
    const record = kaizhou2026();
    record.impliedPreviousYear = null;
    expect(unitTrendCharts([record])).toEqual([]);
  });
});

describe('yearComparisonChart', () => {
  const year = () => [jiulongpo(), kaizhou2026(), shuzihua(), yuzhong()];

  test('units sorted by the page’s figure, largest first, with the records’ amounts', () => {
    const records = year();
    const spec = yearComparisonChart(2026, records, 'total')!;
    expect(spec.kind).toBe('horizontalBar');
    expect(spec.id).toBe('chart-year-total');
    expect(spec.labels).toEqual(['渝中区人民政府办公室', '开州区政务信息中心', '九龙坡区电子政务中心', '开州区数字化城市运行和治理中心']);
    const byName = new Map(records.map((r) => [r.identity.unit.replace(/^重庆市/, ''), r.keyFigures.expenditureTotal]));
    expect(pairs(spec)).toEqual(spec.labels.map((l) => [l, byName.get(l)]));
  });

  test('a change can be negative; units without the figure are left out', () => {
    const records = year();
    records[2]!.keyFigures.changeFromPreviousYear = null;
    const spec = yearComparisonChart(2026, records, 'change')!;
    expect(spec.datasets[0]!.values).toEqual([399.77, 132.02, -78.06]);
    expect(spec.labels).not.toContain('开州区数字化城市运行和治理中心');
  });

  test('draws at most `limit` units and says so in the title', () => {
    const spec = yearComparisonChart(2026, year(), 'three-public', 2)!;
    expect(spec.labels).toHaveLength(2);
    expect(spec.title).toBe('2026年各单位“三公”经费（前2个单位）');
  });

  test('no chart for a single unit', () => {
    expect(yearComparisonChart(2026, [yuzhong()], 'total')).toBeNull();
  });
});

test('specs are plain JSON (what the page embeds is what the client reads)', () => {
  const record = jiulongpo();
  for (const spec of [functionClassChart(record)!, spendingSplitChart(record, null)!, ...economicClassCharts(record)]) {
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  }
});
