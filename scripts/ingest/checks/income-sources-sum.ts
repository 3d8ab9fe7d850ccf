/** income.sources-sum: the income sources (each with what it carries forward) add up to the income total. */
import { recordExample } from './record.ts';
import { sumCheck } from './sum.ts';

const source = (key: string, label: string, amount: number, line = 12) => ({ key, label, amount, line });
const income = (total: number, ...amounts: number[]) => ({
  income: { total, line: 10, sources: amounts.map((a, i) => source(i ? 'other' : 'generalBudget', i ? '其他收入' : '一般公共预算拨款收入', a)) },
});

export const incomeSourcesSum = sumCheck({
  code: 'income.sources-sum',
  description: 'The income sources, each with the amount it carries forward, add up to the stated income total.',
  measure: (r) => ({ total: r.income.total, parts: r.income.sources.map((s) => s.amount + (s.carriedForward ?? 0)), line: r.income.line }),
  pass: [
    { name: 'sources add up', input: recordExample(income(1_000_000, 600_000, 400_000)) },
    {
      name: 'a carried-forward amount counts with its source',
      input: recordExample({ income: { total: 1_000_000, line: 10, sources: [{ ...source('generalBudget', '一般公共预算拨款收入', 900_000), carriedForward: 100_000 }] } }),
    },
    { name: 'no total stated', input: recordExample({ income: { sources: [source('generalBudget', '一般公共预算拨款收入', 1)] } }) },
  ],
  fail: [
    {
      name: 'sources short of the total',
      input: recordExample(income(1_000_000, 600_000, 300_000)),
      findings: [{ severity: 'error', code: 'income.sources-sum', message: '收入预算各来源之和与收入总额不一致：各项合计90.00万元，与总数100.00万元相差10.00万元', line: 10 }],
    },
    {
      name: 'a difference within rounding the document does not admit',
      input: recordExample(income(1_000_000, 600_000, 399_900)),
      findings: [{ severity: 'warning', code: 'income.sources-sum.rounding', message: '收入预算各来源之和与收入总额不一致：各项合计99.99万元，与总数100.00万元相差0.01万元，可能是四舍五入所致，但文件未说明', line: 10 }],
    },
    {
      name: 'a difference within rounding the document admits (因四舍五入)',
      input: recordExample(income(1_000_000, 600_000, 399_900), true),
      findings: [{ severity: 'info', code: 'income.sources-sum.rounding', message: '收入预算各来源之和与收入总额不一致：各项合计99.99万元，与总数100.00万元相差0.01万元（文件已说明因四舍五入）', line: 10 }],
    },
  ],
});
