/** performance.coverage-differs (info): the amount under 绩效目标管理 differs from 项目支出. */
import { recordExample, type RecordInput } from './record.ts';
import type { Check } from './types.ts';
import { wan } from './words.ts';

const covering = (coverageAmount: number, project: number) => recordExample({
  performance: { coverageAmount, text: '实行绩效目标管理的项目…', line: 80 }, generalBudgetAppropriation: { project: { amount: project } },
});

export const performanceCoverageDiffers: Check<RecordInput> = {
  codes: ['performance.coverage-differs'],
  description: 'Worth knowing: the amount under 绩效目标管理 is not the 项目支出.',
  run: ({ record: { performance, generalBudgetAppropriation: gba } }) => (
    performance?.coverageAmount != null && gba.project.amount !== null && performance.coverageAmount !== gba.project.amount
      ? [{ severity: 'info', code: 'performance.coverage-differs', message: `实行绩效目标管理的金额${wan(performance.coverageAmount)}与项目支出${wan(gba.project.amount)}不同`, line: performance.line }]
      : []),
  pass: [{ name: 'all project spending covered', input: covering(400_000, 400_000) }],
  fail: [{
    name: 'part of it covered',
    input: covering(300_000, 400_000),
    findings: [{ severity: 'info', code: 'performance.coverage-differs', message: '实行绩效目标管理的金额30.00万元与项目支出40.00万元不同', line: 80 }],
  }],
};
