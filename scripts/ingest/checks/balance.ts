/**
 * balance.income-expenditure: 收入预算 = 支出预算 (a budget balances).
 * balance.general-budget: 一般公共预算财政拨款 income = its expenditure.
 * income.general-budget-mismatch: the 一般公共预算拨款 among the income sources = the 财政拨款 explanation's income.
 */
import { recordExample, type RecordInput } from './record.ts';
import type { Check } from './types.ts';
import { wan } from './words.ts';

export const balanceIncomeExpenditure: Check<RecordInput> = {
  codes: ['balance.income-expenditure'],
  description: 'The income total equals the expenditure total.',
  run: ({ record: { income, expenditure } }) => (income.total !== null && expenditure.total !== null && income.total !== expenditure.total
    ? [{ severity: 'error', code: 'balance.income-expenditure', message: `收入预算${wan(income.total)}与支出预算${wan(expenditure.total)}不相等（收支应平衡）`, line: expenditure.line }]
    : []),
  pass: [
    { name: 'balanced', input: recordExample({ income: { total: 1_000_000 }, expenditure: { total: 1_000_000 } }) },
    { name: 'no expenditure total stated', input: recordExample({ income: { total: 1_000_000 } }) },
  ],
  fail: [{
    name: 'income and expenditure differ',
    input: recordExample({ income: { total: 1_000_000, line: 10 }, expenditure: { total: 1_200_000, line: 20 } }),
    findings: [{ severity: 'error', code: 'balance.income-expenditure', message: '收入预算100.00万元与支出预算120.00万元不相等（收支应平衡）', line: 20 }],
  }],
};

export const balanceGeneralBudget: Check<RecordInput> = {
  codes: ['balance.general-budget'],
  description: 'The 一般公共预算财政拨款 income equals its expenditure.',
  run: ({ record: { generalBudgetAppropriation: gba } }) => (gba.income !== null && gba.expenditure !== null && gba.income !== gba.expenditure
    ? [{ severity: 'warning', code: 'balance.general-budget', message: `一般公共预算财政拨款收入${wan(gba.income)}与支出${wan(gba.expenditure)}不相等`, line: gba.line }]
    : []),
  pass: [{ name: 'balanced', input: recordExample({ generalBudgetAppropriation: { income: 900_000, expenditure: 900_000, line: 30 } }) }],
  fail: [{
    name: 'income and expenditure differ',
    input: recordExample({ generalBudgetAppropriation: { income: 900_000, expenditure: 950_000, line: 30 } }),
    findings: [{ severity: 'warning', code: 'balance.general-budget', message: '一般公共预算财政拨款收入90.00万元与支出95.00万元不相等', line: 30 }],
  }],
};

const generalBudgetSource = (amount: number) => [{ key: 'generalBudget', label: '一般公共预算拨款收入', amount, line: 12 }];

export const incomeGeneralBudgetMismatch: Check<RecordInput> = {
  codes: ['income.general-budget-mismatch'],
  description: 'The 一般公共预算拨款 among the income sources equals the income the 财政拨款 explanation states.',
  run: ({ record: { income, generalBudgetAppropriation: gba } }) => {
    const stated = income.sources.find((s) => s.key === 'generalBudget')?.amount ?? null;
    return stated !== null && gba.income !== null && stated !== gba.income
      ? [{ severity: 'warning', code: 'income.general-budget-mismatch', message: `收入预算中一般公共预算拨款${wan(stated)}与预算情况说明中的${wan(gba.income)}不一致`, line: gba.line }]
      : [];
  },
  pass: [
    { name: 'the same in both places', input: recordExample({ income: { sources: generalBudgetSource(900_000) }, generalBudgetAppropriation: { income: 900_000 } }) },
    { name: 'stated in one place only', input: recordExample({ income: { sources: generalBudgetSource(900_000) } }) },
  ],
  fail: [{
    name: 'stated differently',
    input: recordExample({ income: { sources: generalBudgetSource(900_000) }, generalBudgetAppropriation: { income: 910_000, line: 30 } }),
    findings: [{ severity: 'warning', code: 'income.general-budget-mismatch', message: '收入预算中一般公共预算拨款90.00万元与预算情况说明中的91.00万元不一致', line: 30 }],
  }],
};
