/** expenditure.function-sum: the function classes add up to the expenditure total. */
import { recordExample } from './record.ts';
import { sumCheck } from './sum.ts';

const spending = (total: number, ...amounts: number[]) => ({
  expenditure: { total, line: 20, byFunction: amounts.map((amount, i) => ({ key: null, label: ['一般公共服务支出', '社会保障和就业支出', '卫生健康支出'][i]!, amount, line: 21 + i })) },
});

export const expenditureFunctionSum = sumCheck({
  code: 'expenditure.function-sum',
  description: 'The spending by function class adds up to the stated expenditure total.',
  measure: (r) => (r.expenditure.byFunction.length
    ? { total: r.expenditure.total, parts: r.expenditure.byFunction.map((f) => f.amount), line: r.expenditure.line } : null),
  pass: [
    { name: 'classes add up', input: recordExample(spending(1_000_000, 800_000, 150_000, 50_000)) },
    { name: 'no class stated', input: recordExample({ expenditure: { total: 1_000_000 } }) },
  ],
  fail: [
    {
      name: 'classes exceed the total',
      input: recordExample(spending(1_000_000, 800_000, 150_000, 63_200)),
      findings: [{ severity: 'error', code: 'expenditure.function-sum', message: '支出预算各功能分类之和与支出总额不一致：各项合计101.32万元，与总数100.00万元相差1.32万元', line: 20 }],
    },
    {
      name: 'a difference within rounding',
      input: recordExample(spending(1_000_000, 800_000, 150_000, 50_100), true),
      findings: [{ severity: 'info', code: 'expenditure.function-sum.rounding', message: '支出预算各功能分类之和与支出总额不一致：各项合计100.01万元，与总数100.00万元相差0.01万元（文件已说明因四舍五入）', line: 20 }],
    },
  ],
});
