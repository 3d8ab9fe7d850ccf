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
