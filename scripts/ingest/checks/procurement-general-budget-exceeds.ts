/** procurement.general-budget-exceeds: the 政府采购 paid from 一般公共预算拨款 cannot exceed the whole. */
import { recordExample, type RecordInput } from './record.ts';
import type { Check } from './types.ts';
import { wan } from './words.ts';

const procurement = (total: number, generalBudget: number) => recordExample({
  procurement: { total, goods: null, works: null, services: null, generalBudget: { total: generalBudget, goods: null, works: null, services: null }, text: '政府采购预算…', line: 60 },
});

export const procurementGeneralBudgetExceeds: Check<RecordInput> = {
  codes: ['procurement.general-budget-exceeds'],
  description: 'The part of 政府采购 paid from 一般公共预算拨款 is not more than the 政府采购 total.',
  run: ({ record: { procurement: pr } }) => (pr && pr.total !== null && pr.generalBudget && pr.generalBudget.total !== null && pr.generalBudget.total > pr.total
    ? [{ severity: 'error', code: 'procurement.general-budget-exceeds', message: `一般公共预算拨款政府采购${wan(pr.generalBudget.total)}超过采购总额${wan(pr.total)}`, line: pr.line }]
    : []),
  pass: [{ name: 'a part of the whole', input: procurement(300_000, 250_000) }],
  fail: [{
    name: 'the part exceeds the whole',
    input: procurement(300_000, 350_000),
    findings: [{ severity: 'error', code: 'procurement.general-budget-exceeds', message: '一般公共预算拨款政府采购35.00万元超过采购总额30.00万元', line: 60 }],
  }],
};
