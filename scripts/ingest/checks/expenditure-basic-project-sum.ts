/** expenditure.basic-project-sum: 基本支出 + 项目支出 = 一般公共预算财政拨款支出. */
import { recordExample } from './record.ts';
import { sumCheck } from './sum.ts';

const appropriation = (expenditure: number, basic: number, project: number) => ({
  generalBudgetAppropriation: { expenditure, line: 30, basic: { amount: basic, line: 31 }, project: { amount: project, line: 32 } },
});

export const expenditureBasicProjectSum = sumCheck({
  code: 'expenditure.basic-project-sum',
  description: 'The 基本支出 and 项目支出 of the 一般公共预算财政拨款 add up to its expenditure.',
  measure: (r) => {
    const gba = r.generalBudgetAppropriation;
    return { total: gba.expenditure, parts: [gba.basic.amount, gba.project.amount], line: gba.line };
  },
  pass: [
    { name: 'basic and project add up', input: recordExample(appropriation(1_000_000, 600_000, 400_000)) },
    { name: 'project spending not stated', input: recordExample({ generalBudgetAppropriation: { expenditure: 1_000_000, basic: { amount: 600_000 } } }) },
  ],
  fail: [
    {
      name: 'basic and project short of the whole',
      input: recordExample(appropriation(1_000_000, 600_000, 390_000)),
      findings: [{ severity: 'error', code: 'expenditure.basic-project-sum', message: '基本支出与项目支出之和与一般公共预算财政拨款支出不一致：各项合计99.00万元，与总数100.00万元相差1.00万元', line: 30 }],
    },
    {
      name: 'a difference within rounding',
      input: recordExample(appropriation(1_000_000, 600_000, 399_900)),
      findings: [{ severity: 'warning', code: 'expenditure.basic-project-sum.rounding', message: '基本支出与项目支出之和与一般公共预算财政拨款支出不一致：各项合计99.99万元，与总数100.00万元相差0.01万元，可能是四舍五入所致，但文件未说明', line: 30 }],
    },
  ],
});
