/**
 * A figure is taken only from the section that owns it. When a document has no 支出预算 paragraph, the
 * 政府采购 paragraph's "政府采购支出预算2,744.84万元" must not become the expenditure total (on real Jiangsu
 * documents this borrowed 2,744.84 instead of 24,169.74 万元): the total is missing instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../index.ts';

const good = readFileSync(join(import.meta.dirname, 'fixtures/bad/good.txt'), 'utf8');
const parse = (text: string) => parseDocument(new TextEncoder().encode(text), 'owned.txt').record!;

describe('figures come only from their own section', () => {
  const withoutExpenditure = good
    .replace(/^（二）支出预算：.*\n/m, '')
    .replace('（二）政府采购情况。2026年政府采购预算总额0万元。', '（二）政府采购情况。2026年政府采购支出预算2,744.84万元。');

  it('the fixture is what the test says: no 支出预算 paragraph, a 政府采购 one that mentions 支出预算', () => {
    expect(withoutExpenditure).not.toMatch(/支出预算：/);
    expect(withoutExpenditure).toMatch(/政府采购支出预算2,744\.84万元/);
  });

  it('leaves the expenditure total missing rather than borrowing the 政府采购 figure', () => {
    const r = parse(withoutExpenditure);
    expect(r.expenditure.total).toBeNull();
    expect(r.keyFigures.expenditureTotal).toBeNull();
  });

  it('still reads the total from its own section', () => {
    expect(parse(good).expenditure.total).toBe(1205000);
  });
});

/**
 * The same rule for “三公”经费: without a 三公 section, a paragraph that mentions 三公 in passing (here the
 * 项目支出 of the 财政拨款 explanation, whose “三公” share is not the unit's 三公 total) is never read.
 */
describe('三公 figures come only from the 三公 section (or 其他重要事项 itself)', () => {
  const threePublicLines = /^四、“三公”经费情况说明\n.*\n/m;
  const withoutThreePublic = good
    .replace(threePublicLines, '')
    .replace('项目支出20万元。', '项目支出20万元（含“三公”经费2万元，其中公务接待费2万元）。');
  const inOtherMatters = good
    .replace(threePublicLines, '')
    .replace('五、其他重要事项的情况说明\n', `五、其他重要事项的情况说明\n${/^四、.*\n(.*)\n/m.exec(good)![1]}\n`);

  it('the fixtures are what the test says', () => {
    expect(good).toMatch(threePublicLines);
    expect(withoutThreePublic).not.toMatch(/“三公”经费情况/);
    expect(withoutThreePublic).toMatch(/含“三公”经费2万元/);
    expect(inOtherMatters).toMatch(/其他重要事项的情况说明\n2026年“三公”经费预算1万元/);
  });

  it('leaves the 三公 figures missing rather than reading a passing mention', () => {
    const r = parse(withoutThreePublic);
    expect(r.threePublic.total.amount).toBeNull();
    expect(r.threePublic.reception.amount).toBeNull();
    expect(r.keyFigures.threePublic.total).toBeNull();
  });

  it('reads them from the 三公 section, or from a paragraph of 其他重要事项 itself', () => {
    expect(parse(good).threePublic.total.amount).toBe(10000);
    const other = parse(inOtherMatters);
    expect(other.threePublic.total.amount).toBe(10000);
    expect(other.threePublic.reception.amount).toBe(10000);
  });
});
