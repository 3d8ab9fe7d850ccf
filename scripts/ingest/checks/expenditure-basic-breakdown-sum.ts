/** expenditure.basic-breakdown-sum: 人员经费 + 公用经费 = 基本支出. */
import { recordExample } from './record.ts';
import { sumCheck } from './sum.ts';

const basic = (amount: number, personnelCosts: number, officeCosts: number) => ({
  generalBudgetAppropriation: { basic: { amount, line: 31 }, basicBreakdown: { personnelCosts, officeCosts, line: 33 } },
});

export const expenditureBasicBreakdownSum = sumCheck({
  code: 'expenditure.basic-breakdown-sum',
  description: 'The 人员经费 and 公用经费 the document splits 基本支出 into add up to it.',
  measure: (r) => {
    const bb = r.generalBudgetAppropriation.basicBreakdown;
    return bb && { total: r.generalBudgetAppropriation.basic.amount, parts: [bb.personnelCosts, bb.officeCosts], line: bb.line };
  },
  pass: [
    { name: 'personnel and office costs add up', input: recordExample(basic(600_000, 500_000, 100_000)) },
    { name: 'no breakdown stated', input: recordExample({ generalBudgetAppropriation: { basic: { amount: 600_000 } } }) },
  ],
  fail: [
    {
      name: 'the breakdown exceeds 基本支出',
      input: recordExample(basic(600_000, 500_000, 120_000)),
      findings: [{ severity: 'error', code: 'expenditure.basic-breakdown-sum', message: '人员经费与公用经费之和与基本支出不一致：各项合计62.00万元，与总数60.00万元相差2.00万元', line: 33 }],
    },
    {
      name: 'a difference within rounding',
      input: recordExample(basic(600_000, 500_000, 100_100)),
      findings: [{ severity: 'warning', code: 'expenditure.basic-breakdown-sum.rounding', message: '人员经费与公用经费之和与基本支出不一致：各项合计60.01万元，与总数60.00万元相差0.01万元，可能是四舍五入所致，但文件未说明', line: 33 }],
    },
  ],
});
