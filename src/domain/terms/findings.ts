/**
 * Term table: the finding codes (数据核对发现), each with the severities it is reported at and its meaning
 * in Chinese, written once. The ingest's checks (scripts/ingest/checks/, one unit per code) and stages
 * report only these codes; the site keys its advice and the sidecars their acknowledgements by them.
 * TERMS.md lists the same table (a test keeps the two in step).
 */
import type { Finding } from '../schema/finding.ts';

type Severity = Finding['severity'];

/** One finding code: the severities it is reported at, and what it means. */
export interface FindingTerm {
  severities: readonly Severity[];
  /** The meaning in plain Chinese; sum checks open their message with it. */
  title: string;
}

/** The sum checks: each compares parts with their total; its `.rounding` twin reports a difference within rounding. */
const SUM_TITLES = {
  'income.sources-sum': '收入预算各来源之和与收入总额不一致',
  'expenditure.function-sum': '支出预算各功能分类之和与支出总额不一致',
  'expenditure.basic-project-sum': '基本支出与项目支出之和与一般公共预算财政拨款支出不一致',
  'expenditure.basic-breakdown-sum': '人员经费与公用经费之和与基本支出不一致',
  'threePublic.items-sum': '“三公”经费各项之和与总额不一致',
  'procurement.parts-sum': '政府采购货物、工程、服务之和与采购总额不一致',
  'procurement.general-budget-parts-sum': '一般公共预算拨款政府采购的货物、工程、服务之和与其总额不一致',
} as const;
export type SumCode = keyof typeof SUM_TITLES;

/** A sum code's terms: an error beyond rounding; `.rounding` info when the document admits rounding, else warning. */
const SUM_TERMS = Object.fromEntries(Object.entries(SUM_TITLES).flatMap(([code, title]): [string, FindingTerm][] => [
  [code, { severities: ['error'], title }],
  [`${code}.rounding`, { severities: ['info', 'warning'], title: `${title}（相差在四舍五入误差以内）` }],
])) as Record<SumCode | `${SumCode}.rounding`, FindingTerm>;

const TERMS = {
  ...SUM_TERMS,
  'balance.income-expenditure': { severities: ['error'], title: '收入预算与支出预算不相等' },
  'balance.general-budget': { severities: ['warning'], title: '一般公共预算财政拨款收入与支出不相等' },
  'income.general-budget-mismatch': { severities: ['warning'], title: '收入预算中的一般公共预算拨款与预算情况说明不一致' },
  'change.impossible-year': { severities: ['error'], title: '比较年份不早于预算年度' },
  'change.unusual-year': { severities: ['warning'], title: '与上一年以前的年份比较' },
  'change.income-expenditure-mismatch': { severities: ['warning'], title: '收支平衡时收入与支出比上年的增减不同' },
  'change.parts-sum': { severities: ['warning'], title: '基本支出与项目支出比上年的增减之和与支出总额的增减不一致' },
  'change.basic-project-sum': { severities: ['warning'], title: '基本支出与项目支出比上年的增减之和与一般公共预算财政拨款的增减不一致' },
  'threePublic.change-sum': { severities: ['warning'], title: '“三公”经费各项比上年的增减之和与总额的增减不一致' },
  'threePublic.inferred': { severities: ['warning'], title: '“三公”经费中的一项按总额减去其他各项推算' },
  'procurement.general-budget-exceeds': { severities: ['error'], title: '一般公共预算拨款政府采购超过采购总额' },
  'performance.coverage-differs': { severities: ['info'], title: '实行绩效目标管理的金额与项目支出不同' },
  'figure.stray-characters': { severities: ['warning'], title: '金额后有多余字符' },
  'table.children-sum': { severities: ['error'], title: '附表中子项之和与上级科目不一致' },
  'table.total-sum': { severities: ['error'], title: '附表中各类科目之和与合计行不一致' },
  'table.rounding': { severities: ['info'], title: '附表中的合计与各项之和相差在四舍五入误差以内' },
  'table.narrative-total': { severities: ['error'], title: '附表合计与说明中的支出预算不一致' },
  'table.narrative-function': { severities: ['error'], title: '附表中的功能分类与说明不一致' },
  'table.narrative-basic-project': { severities: ['error'], title: '附表合计行的基本支出或项目支出与说明不一致' },
  'table.text-disagrees': { severities: ['warning'], title: '附表与正文所述的同一数字不一致' },
  'table.tables-disagree': { severities: ['warning'], title: '两张附表所列的同一数字不一致' },
  'table.not-adding-up': { severities: ['warning'], title: '附表的数字无法与表头各列对应且相加一致' },
  'table.cells-unread': { severities: ['warning'], title: '附表中有单元格未能读出' },
  'table.unread': { severities: ['warning'], title: '附表有标题但未能读出任何行' },
  'coverage.unrecognised': { severities: ['warning'], title: '文件中有较多文字未能识别' },
  'crossYear.previous-mismatch': { severities: ['warning'], title: '按本文件所述增减推算的上年数与上年公开文件不一致' },
  'section.order': { severities: ['warning'], title: '文件各部分的顺序与通常不同' },
  'section.missing': { severities: ['error'], title: '缺少部门预算公开应说明的部分' },
} as const satisfies Record<string, FindingTerm>;

/** A finding code of the term table. */
export type FindingCode = keyof typeof TERMS;

/** Every finding code with its term, in the order above. */
export const FINDING_TERMS: Readonly<Record<FindingCode, FindingTerm>> = TERMS;

/** The meaning of a code in Chinese. */
export const findingTitle = (code: FindingCode): string => FINDING_TERMS[code].title;
