import { describe, expect, it } from 'vitest';
import { formatPercentChange, formatWan, formatWanSigned, formatYuanFromFen, parseToFen, parseToYuan, sum } from '../money.ts';

describe('parseToYuan', () => {
  it('reads 万元 with two decimals exactly', () => {
    expect(parseToYuan('1483.96', '万元')).toBe(14839600);
    expect(parseToYuan('0.1', '万元')).toBe(1000);
    expect(parseToYuan('1,051.74', '万元')).toBe(10517400);
    expect(parseToYuan('-19.75', '万元')).toBe(-197500);
  });
  it('never goes through floats (values that are inexact in binary stay exact)', () => {
    expect(parseToYuan('0.29', '万元')).toBe(2900);
    expect(parseToYuan('1.005', '万元')).toBe(10050);
    expect(parseToYuan('11491.61', '万元')).toBe(114916100);
  });
  it('rejects non-numbers and sub-元 precision', () => {
    expect(parseToYuan('abc', '万元')).toBeNull();
    expect(parseToYuan('1.2.3', '万元')).toBeNull();
    expect(parseToYuan('0.001', '元')).toBeNull();
    expect(parseToYuan('12.34', '元')).toBeNull();
  });
});

describe('parseToFen', () => {
  it('keeps 分 of tables printed in 元', () => {
    expect(parseToFen('86,959,408.34', '元')).toBe(8695940834);
    expect(parseToFen('1,051.74', '万元')).toBe(1051740000);
  });
  it('rejects precision finer than 分', () => {
    expect(parseToFen('1.234', '元')).toBeNull();
  });
});

describe('formatting', () => {
  it('prints 万元 with two decimals and thousands separators', () => {
    expect(formatWan(14839600)).toBe('1,483.96');
    expect(formatWan(5922900)).toBe('592.29');
    expect(formatWan(0)).toBe('0.00');
    expect(formatWan(-1000)).toBe('-0.10');
    expect(formatWan(null)).toBe('—');
    expect(formatWan(114916100, { grouping: false })).toBe('11491.61');
  });
  it('rounds half away from zero when a 元 amount has more precision than 万元 shows', () => {
    expect(formatWan(50)).toBe('0.01');
    expect(formatWan(49)).toBe('0.00');
    expect(formatWan(-50)).toBe('-0.01');
  });
  it('signs changes and formats 分 in 元', () => {
    expect(formatWanSigned(1320200)).toBe('+132.02');
    expect(formatWanSigned(-1000)).toBe('-0.10');
    expect(formatYuanFromFen(8695940834)).toBe('86,959,408.34');
  });
  it('computes display percentages only when the base is known', () => {
    expect(formatPercentChange(1320200, 13519400)).toBe('+9.77%');
    expect(formatPercentChange(100, 0)).toBeNull();
  });
});

describe('sum', () => {
  it('adds integers and refuses floats', () => {
    expect(sum([1, 2, null, undefined, 3])).toBe(6);
    expect(() => sum([0.1])).toThrow(TypeError);
  });
});

describe('parseToFen equals the BigInt reference on every input', () => {
  // The original all-BigInt implementation: parseToFen's double fast path must agree with it exactly.
  const UNIT_FEN = { 元: 100n, 千元: 100_000n, 万元: 1_000_000n, 亿元: 10_000_000_000n } as const;
  const reference = (text: string, unit: keyof typeof UNIT_FEN): number | null => {
    const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text.trim());
    if (!m) return null;
    const [, sign, intPart, frac = ''] = m;
    const denom = 10n ** BigInt(frac.length);
    const numerator = (BigInt(intPart!.replace(/,/g, '')) * denom + BigInt(frac || '0')) * UNIT_FEN[unit];
    if (numerator % denom !== 0n) return null;
    const fen = numerator / denom;
    if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return null;
    return Number(sign === '-' ? -fen : fen);
  };
  const units = ['元', '千元', '万元', '亿元'] as const;

  it('on generated decimals (signs, separators, zeros, long fractions, 15–20 digits)', async () => {
    const fc = await import('fast-check');
    const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    const number = fc.tuple(fc.constantFrom('', '-', '+'), digits(1, 20), fc.option(digits(0, 14)), fc.boolean()).map(([s, i, f, group]) => {
      const int = group && i.length > 3 && !i.startsWith('0') ? i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : i;
      return `${s}${int}${f === null ? '' : `.${f}`}`;
    });
    fc.assert(fc.property(number, fc.constantFrom(...units), (text, unit) => {
      expect(Object.is(parseToFen(text, unit), reference(text, unit))).toBe(true);
    }), { numRuns: 20_000 });
  });

  it('at the edges', () => {
    for (const text of ['0', '-0', '-0.00', '0.000000', '999999999999.99', '9999999999999', '1.2300', '1.2301', '00000000000001', '9007199254740991', '90071992547409.92', ' 12.5 ', '1,234,567.891', '-1,000.0000001']) {
      for (const unit of units) expect(Object.is(parseToFen(text, unit), reference(text, unit)), `${text} ${unit}`).toBe(true);
    }
  });
});
