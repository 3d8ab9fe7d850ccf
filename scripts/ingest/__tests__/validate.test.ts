/**
 * Checks that compare the attached tables with the narrative, and previous-year figures implied by
 * "比YYYY年增加X" statements, on seed 004 (the one with tables) and seed 000.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../index.ts';
import { SEEDS_DIR } from './helpers.ts';

const seeds = SEEDS_DIR;
const seed = (prefix: string) => readFileSync(join(seeds, `${prefix}_${prefix === '000' ? 'bc76dcabdb26b188' : '4ff91bf0fb23a83f'}.txt`), 'utf8');
const parse = (text: string) => parseDocument(Buffer.from(text), 'test.txt').record!;

describe('tables against the narrative', () => {
  it('finds no table/narrative mismatch in seed 004 as published', () => {
    expect(parse(seed('004')).findings.filter((f) => f.code.startsWith('table.narrative'))).toEqual([]);
  });

  it('reports a 基本支出 stated differently in the narrative and in the 部门支出总表', () => {
    const text = seed('004').replace('其中：基本支出164.81万元', '其中：基本支出164.91万元');
    const f = parse(text).findings.filter((x) => x.code === 'table.narrative-basic-project');
    expect(f.length).toBeGreaterThan(0);
    expect(f[0]!.message).toContain('164.81');
    expect(f[0]!.message).toContain('164.91');
    expect(f[0]!.severity).toBe('error');
  });

  it('reports a function class stated differently in the narrative and in the tables', () => {
    const text = seed('004').replace('卫生健康支出预算6.32万元', '卫生健康支出预算6.42万元');
    const codes = parse(text).findings.map((x) => x.code);
    expect(codes).toContain('table.narrative-function');
    expect(codes).toContain('expenditure.function-sum');
  });
});

describe('previous year implied by the stated changes', () => {
  it('derives 2025 from seed 000 (比2025年增加132.02万元)', () => {
    expect(parse(seed('000')).impliedPreviousYear).toEqual({
      year: 2025, incomeTotal: 13519400, expenditureTotal: 13519400, generalBudget: 13519400,
      basicExpenditure: 6362400, projectExpenditure: 7157000, threePublic: 17000,
    });
  });

  it('does not derive from a comparison with an impossible year (seed 004: 较2026年)', () => {
    const r = parse(seed('004'));
    expect(r.impliedPreviousYear?.expenditureTotal).toBeNull();
    expect(r.impliedPreviousYear?.incomeTotal).toBe(11298000);
  });
});
