/**
 * Issue 19 case 9 — every pattern that sees seed text runs in linear time. For each generated shape of
 * hostile text (long runs of digits, digits with commas, spaces or dots, repeated keywords…) one input of
 * size 16n is timed against sixteen inputs of size n: the same number of characters, so a linear pattern takes
 * about as long either way, a quadratic one sixteen times longer. A ratio, never an absolute time, so a slow
 * or busy machine does not fail it.
 */
import { describe, expect, it } from 'vitest';
import { PAGE_EDGE_NUMBER, PAGE_NUMBER, amounts, changes, hasAmount, labelAmount, purposeSpan, reasonSpan, strayAfterAmount } from '../stages/patterns.ts';
import { parseDocument } from '../index.ts';
import { seedText } from './helpers.ts';

/** Shapes of hostile text of about n characters. */
const SHAPES: Record<string, (n: number) => string> = {
  'digit run': (n) => '1'.repeat(n),
  'digit run after an amount': (n) => `其他收入0万元${'1'.repeat(n)}`,
  'digits and commas': (n) => '1,'.repeat(n / 2),
  'digits and spaces': (n) => '1 '.repeat(n / 2),
  'digits and dots': (n) => '1.'.repeat(n / 2),
  'comma run': (n) => `${','.repeat(n)}1万元`,
  'amounts': (n) => '1万元'.repeat(n / 3),
  'comparisons': (n) => '比上年增加'.repeat(n / 5),
  'fillers': (n) => `收入${'预算'.repeat(n / 2)}`,
  'spaces': (n) => `收入${' '.repeat(n)}x`,
  'reasons': (n) => '主要原因是'.repeat(n / 5),
  'dashes and spaces': (n) => `${'- '.repeat(n / 4)}1${' -'.repeat(n / 4)}x`,
};

/** Best of five of `f` over `inputs`, ms. */
function time(f: (s: string) => unknown, inputs: string[]): number {
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const start = performance.now();
    for (const s of inputs) f(s);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Time of one input of size 16n over sixteen of size n (about 1 when linear, 16 when quadratic). */
function ratio(f: (s: string) => unknown, shape: (n: number) => string, n: number): number {
  const small = Array.from({ length: 16 }, () => shape(n));
  const big = [shape(16 * n)];
  f(small[0]!);
  // The best of three tries: a pause (GC, another process) can only make one try slower, never a quadratic
  // pattern faster, so noise on a busy machine cannot fail a linear pattern nor pass a quadratic one.
  let best = Infinity;
  for (let k = 0; k < 3 && best >= 5; k++) best = Math.min(best, time(f, big) / Math.max(time(f, small), 2));
  return best;
}

const FUNCTIONS: Record<string, (s: string) => unknown> = {
  amounts, strayAfterAmount, changes, hasAmount,
  pageNumber: (s) => PAGE_NUMBER.test(s),
  pageEdgeNumber: (s) => PAGE_EDGE_NUMBER.test(s),
  labelAmount: (s) => labelAmount(s, '收入'),
  reasonSpan: (s) => reasonSpan(s, 0),
  purposeSpan: (s) => purposeSpan(s, 0),
};

describe('patterns are linear on hostile text', () => {
  for (const [fn, f] of Object.entries(FUNCTIONS)) {
    it(fn, () => {
      for (const [shape, make] of Object.entries(SHAPES)) {
        expect({ shape, ratio: ratio(f, make, 2000) < 5 }).toEqual({ shape, ratio: true });
      }
    });
  }
});

describe('the whole parser is linear on hostile text in any paragraph', () => {
  // The paragraphs the extractors read, and a cell of the attached tables (seed 004 has them).
  const targets: ['000' | '004', string][] = [
    ['000', '收入预算'], ['000', '支出预算'], ['000', '三公'], ['000', '政府采购'], ['000', '项目支出'], ['000', '名词解释'], ['004', '\t'],
  ];
  for (const [seed, target] of targets) {
    it(`appended to the first line with ${JSON.stringify(target)}`, () => {
      const lines = seedText(seed).split('\n');
      const at = lines.findIndex((l) => l.includes(target));
      expect(at).toBeGreaterThanOrEqual(0);
      const parse = (payload: string) => {
        const copy = [...lines];
        copy[at] += payload;
        return parseDocument(Buffer.from(copy.join('\n')), 'x.txt');
      };
      for (const [shape, make] of Object.entries(SHAPES)) {
        // The document itself costs the same in both: time the payload's share only. The best of three
        // tries, as above: a pause on a busy machine makes one try's ratio larger or smaller, but a quadratic
        // payload gives about 64 in every try, so only noise is removed.
        const small = make(4000);
        const big = make(32000);
        let best = Infinity;
        for (let k = 0; k < 3 && best >= 24; k++) {
          const base = time(() => parse(''), ['']);
          const tSmall = time(() => parse(small), ['']) - base;
          const tBig = time(() => parse(big), ['']) - base;
          best = Math.min(best, tBig / Math.max(tSmall, 2));
        }
        expect({ shape, linear: best < 24 }).toEqual({ shape, linear: true });
      }
    }, 120_000);
  }
});
