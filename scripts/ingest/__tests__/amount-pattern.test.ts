/**
 * One amount pattern and one page-number pattern (stages/patterns.ts) for the whole ingest. Extractors had
 * private copies without 千元, so a document stating its figures in 千元 lost them (the income and spending
 * paragraphs were not even found); the two footer patterns disagreed on "第2页，共9页" and "─ 3 ─".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AMOUNT_SRC, PAGE_EDGE_NUMBER, PAGE_NUMBER, UNIT_NOTE_SRC, UNIT_SRC, amounts, hasAmount } from '../stages/patterns.ts';
import { parseDocument } from '../index.ts';

const good = readFileSync(join(import.meta.dirname, 'fixtures/bad/good.txt'), 'utf8');
const parse = (text: string) => parseDocument(new TextEncoder().encode(text), 'units.txt').record!;

describe('the amount pattern', () => {
  it('knows every unit a document states amounts in, longest first', () => {
    expect(UNIT_SRC.split('|').sort()).toEqual(['万元', '亿元', '元', '千元'].sort());
    expect(UNIT_SRC.split('|').at(-1)).toBe('元');
  });

  const examples: [string, number[]][] = [
    ['收入预算609.35万元', [6093500]],
    ['合计1,205千元，其中基本支出3 千元', [1205000, 3000]],
    ['总额1.2亿元', [120000000]],
    ['支出1200元', [1200]],
    ['2026年共3辆', []],
  ];
  for (const [text, yuan] of examples) {
    it(`amounts(${text})`, () => {
      expect(amounts(text).map((a) => a.yuan)).toEqual(yuan);
      expect(hasAmount(text)).toBe(yuan.length > 0);
    });
  }

  it('has its number and unit in the last two groups', () => {
    const m = new RegExp(`支出${AMOUNT_SRC}`).exec('基本支出12.5千元')!;
    expect([m[1], m[2]]).toEqual(['12.5', '千元']);
  });

  it('reads a table 单位 note in any unit', () => {
    for (const unit of UNIT_SRC.split('|')) expect(new RegExp(UNIT_NOTE_SRC).exec(`金额单位：${unit}`)?.[1]).toBe(unit);
  });
});

describe('the page-number pattern', () => {
  const pages = ['14', ' 3 ', '- 3 -', '— 10 —', '─ 2 ─', '-5', '第 2 页', '第2页 共9页', '第2页，共9页', '第2页,共9页'];
  const notPages = ['1234', '12.5', '1,234', '3万元', '2026年', '第二部分', '附表1', '- 3 - 4', '第2页说明'];
  for (const t of pages) it(`"${t}" is a page number`, () => expect(PAGE_NUMBER.test(t)).toBe(true));
  for (const t of notPages) it(`"${t}" is not`, () => expect(PAGE_NUMBER.test(t)).toBe(false));
});

describe('the page-number pattern at a PDF page\'s edge (readers/pdf-layout.ts: PAGE_NUMBER or PAGE_EDGE_NUMBER)', () => {
  const edgeOnly = ['1234', '— 1024 —', '_ 12 _', '3/9', '3 / 9', '第3页/共9页', '第 3 页 / 共 9 页'];
  const never = ['12345', '12.5', '1,234', '3万元', '3/9页', '第2页说明', '- 3 - 4'];
  for (const t of edgeOnly) {
    it(`"${t}" is a page number only at an edge`, () => expect([PAGE_NUMBER.test(t), PAGE_EDGE_NUMBER.test(t)]).toEqual([false, true]));
  }
  for (const t of never) it(`"${t}" is not, even there`, () => expect(PAGE_NUMBER.test(t) || PAGE_EDGE_NUMBER.test(t)).toBe(false));
});

describe('a document stating its figures in 千元', () => {
  const inThousands = good
    .replace(/（一）收入预算：.*\n/, '（一）收入预算：2026年年初预算数1205千元，其中：一般公共预算拨款收入1205千元，政府性基金预算拨款收入0千元。\n')
    .replace(/（二）支出预算：.*\n/, '（二）支出预算：2026年年初预算数1205千元，其中：一般公共服务支出预算1005千元，社会保障和就业支出预算200千元。比2025年增加105千元，主要是基本支出增加5千元，项目支出增加100千元。\n');

  it('the fixture is what the test says: income and spending only in 千元', () => {
    expect(inThousands).toMatch(/收入预算：[^\n万]*千元[^\n万]*\n/);
    expect(inThousands).toMatch(/支出预算：[^\n万]*千元[^\n万]*\n/);
  });

  it('reads them as it reads 万元', () => {
    const r = parse(inThousands);
    expect(r.income.total).toBe(1205000);
    expect(r.income.sources.map((s) => [s.key, s.amount])).toEqual([['generalBudget', 1205000], ['governmentFund', 0]]);
    expect(r.expenditure.total).toBe(1205000);
    expect(r.expenditure.byFunction.map((f) => [f.label, f.amount])).toEqual([['一般公共服务支出', 1005000], ['社会保障和就业支出', 200000]]);
    expect(r.expenditure.basicChange?.amount).toBe(5000);
    expect(r.expenditure.projectChange?.amount).toBe(100000);
  });
});
