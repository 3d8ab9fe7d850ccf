/** Income, expenditure, 一般公共预算 and 政府性基金 extractors, from example paragraphs. */
import { describe, expect, it } from 'vitest';
import { extractIncome } from '../income.ts';
import { extractExpenditure } from '../expenditure.ts';
import { extractGeneralBudgetAppropriation } from '../general-budget.ts';
import { extractGovernmentFund } from '../government-fund.ts';
import { contextOf } from './doc.ts';

const overview = '二、收支总体情况\n（一）收入预算：2026年年初预算数120.5万元，其中：一般公共预算拨款收入100.5万元，事业收入20万元。\n（二）支出预算：2026年年初预算数120.5万元，其中：一般公共服务支出预算100.5万元，卫生健康支出20万元。比2025年增加10万元，主要是基本支出增加4万元，项目支出增加6万元。\n';

describe('income', () => {
  it('reads the total and its sources', () => {
    const r = extractIncome(contextOf(overview));
    expect([r.total, r.line]).toEqual([1205000, 2]);
    expect(r.sources.map((s) => [s.key, s.label, s.amount])).toEqual([['generalBudget', '一般公共预算拨款收入', 1005000], ['institutionIncome', '事业收入', 200000]]);
  });
  it('is missing when no income paragraph states an amount', () => {
    expect(extractIncome(contextOf('二、收支总体情况\n（一）收入预算：详见附表。\n')).total).toBeNull();
  });
});

describe('expenditure', () => {
  it('reads the total, the function classes and the 基本/项目 changes', () => {
    const r = extractExpenditure(contextOf(overview));
    expect(r.total).toBe(1205000);
    expect(r.byFunction.map((f) => [f.label, f.amount])).toEqual([['一般公共服务支出', 1005000], ['卫生健康支出', 200000]]);
    expect([r.change?.amount, r.basicChange?.amount, r.projectChange?.amount]).toEqual([100000, 40000, 60000]);
  });
});

describe('一般公共预算 appropriation', () => {
  it('reads spending, its change and the 基本/项目 parts with their purposes', () => {
    const r = extractGeneralBudgetAppropriation(contextOf('三、部门预算情况说明\n2026年一般公共预算财政拨款支出120.5万元，比2025年增加10.5万元。其中：基本支出100.5万元，主要用于人员工资；项目支出20万元，主要用于示例项目。\n'));
    expect([r.expenditure, r.change?.amount, r.basic.amount, r.project.amount]).toEqual([1205000, 105000, 1005000, 200000]);
    expect([r.basic.purpose, r.project.purpose]).toEqual(['人员工资', '示例项目']);
  });
});

describe('政府性基金', () => {
  it('reads "no fund" as 0, never as missing', () => {
    const r = extractGovernmentFund(contextOf('三、部门预算情况说明\n本单位无政府性基金预算拨款收支。\n'));
    expect([r?.none, r?.income, r?.expenditure]).toEqual([true, 0, 0]);
  });
});
