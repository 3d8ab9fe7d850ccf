/**
 * change.impossible-year: a change compared with the budget year or later (“较2026年” in a 2026 budget).
 * change.unusual-year: a change compared with a year before last.
 */
import { THREE_PUBLIC_LABEL } from '../../../src/domain/terms/three-public.ts';
import type { Change } from '../../../src/domain/schema/change.ts';
import { recordExample, stated, type CheckedRecord, type RecordInput } from './record.ts';
import type { Check, CodedFinding } from './types.ts';

/** Every stated change of a record, with what it is the change of. */
function statedChanges(r: CheckedRecord): [Change | null, string][] {
  const gba = r.generalBudgetAppropriation;
  return [
    [r.income.change, '收入预算的增减'],
    [r.expenditure.change, '支出预算的增减'],
    [gba.change, '一般公共预算财政拨款的增减'],
    [gba.basic.change, '基本支出的增减'],
    [gba.project.change, '项目支出的增减'],
    ...(Object.entries(THREE_PUBLIC_LABEL) as [keyof typeof THREE_PUBLIC_LABEL, string][])
      .map(([k, label]): [Change | null, string] => [r.threePublic[k].change, `${label}的增减`]),
    ...(r.operatingExpenses ? [[r.operatingExpenses.change, '机关运行经费的增减'] as [Change | null, string]] : []),
  ];
}

/** The findings for each stated change compared with a year (`finding` says whether and what). */
const eachChange = (finding: (year: number, comparedYear: number, what: string, line: number) => CodedFinding | null) =>
  ({ record }: RecordInput): CodedFinding[] => statedChanges(record).flatMap(([c, what]) => {
    const f = c && c.comparedYear !== null ? finding(record.identity.year, c.comparedYear, what, c.line) : null;
    return f ? [f] : [];
  });

export const changeImpossibleYear: Check<RecordInput> = {
  codes: ['change.impossible-year'],
  description: 'A change is compared with a year before the budget year.',
  run: eachChange((year, compared, what, line) => (compared >= year ? {
    severity: 'error', code: 'change.impossible-year',
    message: `${what}写作“较${compared}年”，但本文件是${year}年预算，比较年份应早于${year}年（应为${year - 1}年？）`, line,
  } : null)),
  pass: [
    { name: 'compared with the year before', input: recordExample({ income: { change: stated(100_000, 11, 2025) } }) },
    { name: 'no year named', input: recordExample({ income: { change: stated(100_000, 11, null) } }) },
  ],
  fail: [{
    name: '较2026年 in a 2026 budget',
    input: recordExample({ expenditure: { change: stated(100_000, 21, 2026) }, threePublic: { reception: { change: stated(-1_000, 52, 2027) } } }),
    findings: [
      { severity: 'error', code: 'change.impossible-year', message: '支出预算的增减写作“较2026年”，但本文件是2026年预算，比较年份应早于2026年（应为2025年？）', line: 21 },
      { severity: 'error', code: 'change.impossible-year', message: '公务接待费的增减写作“较2027年”，但本文件是2026年预算，比较年份应早于2026年（应为2025年？）', line: 52 },
    ],
  }],
};

export const changeUnusualYear: Check<RecordInput> = {
  codes: ['change.unusual-year'],
  description: 'A change is compared with the year before the budget year, not an earlier one.',
  run: eachChange((year, compared, what, line) => (compared < year - 1 ? {
    severity: 'warning', code: 'change.unusual-year', message: `${what}与${compared}年比较，通常应与上一年（${year - 1}年）比较`, line,
  } : null)),
  pass: [{ name: 'compared with the year before', input: recordExample({ generalBudgetAppropriation: { change: stated(100_000, 31, 2025) } }) }],
  fail: [{
    name: 'compared with two years before',
    input: recordExample({ operatingExpenses: { amount: 50_000, notInScope: false, change: stated(5_000, 70, 2024), purpose: null, text: '机关运行经费…', line: 70 } }),
    findings: [{ severity: 'warning', code: 'change.unusual-year', message: '机关运行经费的增减与2024年比较，通常应与上一年（2025年）比较', line: 70 }],
  }],
};
