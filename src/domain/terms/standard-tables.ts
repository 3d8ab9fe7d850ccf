/**
 * The standard tables of a budget disclosure (财预〔2016〕143号 and the provinces' additions), recognised
 * by the vocabulary of their titles, and the row and column labels the tables stage reads figures from.
 * Written once here (the kinds and their Chinese names are the term table's, table-kinds.ts); the ingest's
 * tables stage reads it for tables laid out in columns, whatever the family: these titles are national.
 *
 * Titles vary by family: 收支总表 / 收支预算总表 / 财务收支预算总表 / 部门收支总体情况表; 一般公共预算支出表 /
 * 一般公共预算支出功能分类预算表 / 一般公共预算支出预算表（功能科目）; “三公”经费支出表 / “三公”经费、会议费、
 * 培训费支出预算表 / “三公”经费和机关运行经费预算表 …
 */

import type { TableKind } from './table-kinds.ts';

/** Kinds of standard table, in the order they are tried (the first whose title pattern matches wins). */
export const STANDARD_TABLES: readonly { kind: TableKind; title: RegExp }[] = [
  { kind: 'performanceTargets', title: /绩效目标/ },
  { kind: 'procurement', title: /政府采购/ },
  { kind: 'threePublic', title: /三公/ },
  { kind: 'operatingExpenses', title: /机关运行经费/ },
  { kind: 'fiscalSummary', title: /财政拨款收支/ },
  { kind: 'departmentSummary', title: /收支(?:预算)?总表|收支总体情况表/ },
  { kind: 'departmentIncome', title: /收入(?:预算)?总表/ },
  { kind: 'departmentExpenditure', title: /支出(?:预算)?总表/ },
  { kind: 'governmentFund', title: /政府性基金/ },
  { kind: 'stateCapitalBudget', title: /国有资本经营/ },
  { kind: 'basicExpenditure', title: /一般公共预算.*基本支出/ },
  { kind: 'fiscalBasicExpenditure', title: /财政拨款.*基本支出/ },
  { kind: 'projectExpenditure', title: /项目支出/ },
  { kind: 'generalBudgetExpenditure', title: /一般公共预算.*支出/ },
  { kind: 'fiscalExpenditure', title: /财政拨款.*支出/ },
];

export type StandardTableKind = TableKind;

/** A table title: ends in 表 (optionally with a parenthesised qualifier such as （功能科目）). */
export const TABLE_TITLE_END = /表\s*(?:[（(][^（()）]{1,20}[)）])?$/;

/** The standard kind a title names, or null when it names none. */
export function standardTableKind(title: string): StandardTableKind | null {
  const t = title.replace(/\s+/g, '');
  if (!TABLE_TITLE_END.test(t)) return null;
  for (const s of STANDARD_TABLES) if (s.title.test(t)) return s.kind;
  return null;
}

/** Row labels of the 收支总表 (both halves) and 财政拨款收支总表, on their matching form (no spaces). */
export const SUMMARY_ROWS = {
  /** 收入合计 / 收入总计 (the income half's grand total, carry-over included). */
  incomeTotal: /^(?:收入(?:合计|总计)|收\s*入\s*总\s*计)$/,
  /** 支出合计 / 支出总计. */
  expenditureTotal: /^(?:支出(?:合计|总计))$/,
  /** 财政拨款 (the income row whose parts are 一般公共预算 and 政府性基金…). */
  fiscal: /^(?:[一二三四五六七八九十]+、)?财政拨款(?:收入)?$/,
  /** 一般公共预算 (income). */
  generalBudget: /^(?:[一二三四五六七八九十]+、|\d+\.)?一般公共预算(?:资金|拨款|拨款收入)?$/,
  /** 政府性基金 (income). */
  governmentFund: /^(?:[一二三四五六七八九十]+、|\d+\.)?政府性基金(?:预算)?(?:资金|拨款|拨款收入)?$/,
  /** 国有资本经营预算 (income). */
  stateCapital: /^(?:[一二三四五六七八九十]+、|\d+\.)?国有资本经营预算(?:资金|拨款)?$/,
  /** 基本支出 (expenditure by kind). */
  basic: /^(?:[一二三四五六七八九十]+、)?基本支出$/,
  /** 项目支出. */
  project: /^(?:[一二三四五六七八九十]+、)?项目支出$/,
  /** 单位预留机动经费 (Jiangsu's third kind of expenditure). */
  reserve: /^(?:[一二三四五六七八九十]+、)?单位预留机动经费$/,
  /** A function class row: 一、一般公共服务支出 (enumerated, ends in 支出). */
  functionClass: /^[一二三四五六七八九十]+、(.{2,20}支出)$/,
} as const;

/** Column labels of the 支出总表 and of function-class tables. */
export const COLUMN_LABELS = {
  total: /^(?:合计|总计|小计|金额)$/,
  basic: /^基本支出$/,
  project: /^项目支出$/,
  reserve: /^单位预留机动经费$/,
  carryOver: /^结转下年(?:资金)?$/,
} as const;

/** Columns of a “三公” table; any of them may be missing, and Jiangsu adds 会议费 and 培训费. */
export const THREE_PUBLIC_COLUMNS = {
  /** 合计 of the whole table (三公 + 会议费 + 培训费 when those are present; else the 三公 total). */
  total: /^合计$/,
  /** 因公出国（境）费. */
  outboundTravel: /因公出\s*国|出国/,
  /** 公务接待费. */
  reception: /公务接\s*待|接待/,
  /** 公务用车购置及运行（维护）费 (the vehicle subtotal). */
  vehicles: /公务用车购置及运行/,
  /** 公务用车购置费. */
  vehiclePurchase: /购置费/,
  /** 公务用车运行（维护）费. */
  vehicleOperation: /运行(?:维护)?费/,
  /** 会议费. */
  meetings: /会议费/,
  /** 培训费. */
  training: /培训费/,
  /** 机关运行经费 (Shanghai prints it in the same table). */
  operatingExpenses: /机关运行经费/,
} as const;

/** Notes saying a table is empty: 本表无数据 / 此表为空 / 本部门无该项目 / 故本表为空表. */
export const EMPTY_TABLE_NOTE = /本表无数据|此表为空|为空表|无该项目|本表无|无此项|没有.{0,12}(?:安排|预算)|无.{0,16}安排的预算/;

/** Procurement kinds (政府采购 tables group rows under 一、货物A / 二、工程B / 三、服务C; a bare 服务 is a wrapped item name). */
export const PROCUREMENT_ROWS = {
  goods: /^[一二三四五六七八九十]+、货物[A-Z]?$/,
  works: /^[一二三四五六七八九十]+、工程[A-Z]?$/,
  services: /^[一二三四五六七八九十]+、服务[A-Z]?$/,
} as const;
