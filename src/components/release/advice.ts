/**
 * What an official should check for each kind of finding, in plain words: shown beside the finding in the
 * preview's findings panel. Keyed by finding code; a family of codes (every `….rounding`, every `…-sum`)
 * shares one advice. The finding's own message says what is wrong; the advice says what to do about it.
 */
import type { FindingCode } from '../../domain/terms/findings.ts';

/** Advice by exact code (a code of the term table: a typo fails to compile). */
const BY_CODE: Partial<Record<FindingCode, string>> = {
  'change.impossible-year': '比较年份写成了本预算年度或以后的年份，多为笔误（如“较2026年”应为“较2025年”）。请更正原文中的年份。',
  'change.unusual-year': '通常与上一年比较。请确认原文的比较年份是否正确；如确是与更早年份比较，可确认并说明原因。',
  'crossYear.previous-mismatch': '按本文件“比上年增加／减少”的金额倒推出的上年数，与上年公开文件中的数不同。请对照上年文件核对：增减金额和增减方向是否写对，上年数是否为年初预算数（而非调整后预算数）。',
  'balance.income-expenditure': '收入预算总额与支出预算总额应当相等。请核对原文中两个总额是否抄录有误。',
  'balance.general-budget': '一般公共预算财政拨款的收入与支出应当相等。请核对原文中这两个数。',
  'income.general-budget-mismatch': '同一个数在收入预算和财政拨款说明中写得不一样。请核对两处，以正确者为准更正另一处。',
  'procurement.general-budget-exceeds': '其中数不能大于总数。请核对政府采购总额和其中一般公共预算拨款的金额。',
  'performance.coverage-differs': '供了解：实行绩效目标管理的金额与项目支出不同。如原文如此表述无误，可确认并简要说明。',
  'section.missing': '文件缺少公开模板规定的部分。请对照模板补齐，或说明本单位无此项内容。',
  'section.order': '文件各部分的顺序与公开模板不同。请对照模板检查是否漏排或错排。',
};

/** Advice by code family, tried in order when no exact code matches. */
const BY_FAMILY: [test: (code: string) => boolean, advice: string][] = [
  [(c) => c.endsWith('.rounding'), '各分项四舍五入后相加，与合计相差几分钱，多属正常。请核对各分项和合计；如确因四舍五入，可确认并说明“因四舍五入，分项之和与合计略有差异”。'],
  [(c) => c.startsWith('change.') || c.endsWith('.change-sum'), '几处“比上年增加／减少”的金额彼此对不上。请逐项核对原文中的增减金额和增减方向（增加还是减少）。'],
  [(c) => c.startsWith('table.'), '附表与说明正文中的同一个数不一致。请核对附表和正文，以正确者为准更正另一处。'],
  [(c) => c.endsWith('-sum'), '各分项相加与合计不一致。请逐项核对原文中的分项金额和合计数，找出抄录或计算错误并更正。'],
];

/** What to check for a finding with this code. */
export function adviceFor(code: string): string {
  return BY_CODE[code as FindingCode] ?? BY_FAMILY.find(([test]) => test(code))?.[1] ?? '请对照原文核对这一处；如原文无误，可确认并说明原因。';
}

/** The sidecar lines that acknowledge a code: one item of the `acknowledgements:` list (YAML). */
export function acknowledgementYaml(code: string): string {
  return `  - code: ${code}\n    explanation: 请在此写明单位的说明\n`;
}
