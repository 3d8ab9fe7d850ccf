import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { describeChart, formatWanNumber, formatWanTick } from '../format.ts';
import { formatWan, yuanToWanNumber } from '../../domain/money.ts';
import type { ChartSpec } from '../spec.ts';

describe('formatWanNumber', () => {
  test('reads exactly as formatWan reads the 元 it came from (grouping, two decimals, rounding)', () => {
    expect(formatWanNumber(yuanToWanNumber(14_839_600))).toBe('1,483.96');
    expect(formatWanNumber(yuanToWanNumber(12_345_650))).toBe('1,234.57'); // half away from zero
    expect(formatWanNumber(yuanToWanNumber(-780_600))).toBe('-78.06');
    expect(formatWanNumber(yuanToWanNumber(-1))).toBe('0.00');
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (yuan) => {
      expect(formatWanNumber(yuanToWanNumber(yuan))).toBe(formatWan(yuan));
    }), { numRuns: 2000 });
  });
});

test('formatWanTick drops trailing zeros', () => {
  expect(formatWanTick(1000)).toBe('1,000');
  expect(formatWanTick(0.5)).toBe('0.5');
});

describe('describeChart', () => {
  const base = { id: 'c', kind: 'bar', unit: '万元' } as const;

  test('one series: every label with its amount; unknown values said so', () => {
    const spec: ChartSpec = { ...base, title: '支出', labels: ['甲', '乙'], datasets: [{ label: '2026年预算数', values: [1002.71, null] }] };
    expect(describeChart(spec)).toBe('支出（2026年预算数）：甲 1,002.71万元；乙 未列明。');
  });

  test('several series: each label with every series', () => {
    const spec: ChartSpec = {
      ...base, title: '基本支出与项目支出', labels: ['2025年（推算）', '2026年'],
      datasets: [{ label: '基本支出', values: [1, 2], derived: [true, false] }, { label: '项目支出', values: [3, 4] }],
    };
    expect(describeChart(spec)).toBe('基本支出与项目支出：2025年（推算）：基本支出 1.00万元，项目支出 3.00万元；2026年：基本支出 2.00万元，项目支出 4.00万元。');
  });
});
