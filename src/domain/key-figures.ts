/**
 * The key figures as columns: one definition drives the unit page table, /data/key-figures.csv and its
 * Data Package schema, so a column's name, Chinese title and meaning never drift apart.
 */
import { THREE_PUBLIC, THREE_PUBLIC_ITEMS } from './terms/three-public.ts';
import type { RecordSummary } from './record-summary.ts';
import type { KeyFigures } from './schema/key-figures.ts';
import type { ImpliedPreviousYear } from './schema/implied-previous-year.ts';
import type { Change } from './schema/change.ts';
import { formatWan, formatWanSigned } from './money.ts';

/** How a column's values read: amounts in 元, a signed change in 元, a count, or text. */
export type FieldKind = 'amount' | 'change' | 'count' | 'text';

/** One key-figure column. */
export interface KeyFigureField {
  /** Column name in CSV (ASCII, from TERMS.md). */
  name: string;
  /** Chinese title. */
  title: string;
  /** What the column holds, for the Data Package. */
  description: string;
  kind: FieldKind;
  /** The value from a record. */
  get: (r: RecordSummary) => number | string | null;
  /** The matching figure of `impliedPreviousYear`, when a document's stated changes imply it. */
  implied?: Exclude<keyof ImpliedPreviousYear, 'year'>;
}

/** Every key figure except the per-function breakdown (published separately in long form). */
export const keyFigureFields: readonly KeyFigureField[] = [
  { name: 'incomeTotal', title: '收入预算合计', description: '收入预算总额，元', kind: 'amount', get: (r) => r.keyFigures.incomeTotal, implied: 'incomeTotal' },
  { name: 'expenditureTotal', title: '支出预算合计', description: '支出预算总额，元', kind: 'amount', get: (r) => r.keyFigures.expenditureTotal, implied: 'expenditureTotal' },
  { name: 'generalBudget', title: '一般公共预算拨款', description: '收入中的一般公共预算拨款，元', kind: 'amount', get: (r) => r.keyFigures.generalBudget, implied: 'generalBudget' },
  { name: 'governmentFund', title: '政府性基金预算拨款', description: '收入中的政府性基金预算拨款，元', kind: 'amount', get: (r) => r.keyFigures.governmentFund },
  { name: 'basicExpenditure', title: '基本支出', description: '基本支出，元', kind: 'amount', get: (r) => r.keyFigures.basicExpenditure, implied: 'basicExpenditure' },
  { name: 'projectExpenditure', title: '项目支出', description: '项目支出，元', kind: 'amount', get: (r) => r.keyFigures.projectExpenditure, implied: 'projectExpenditure' },
  { name: 'changeFromPreviousYear', title: '一般公共预算财政拨款比上年增减', description: '一般公共预算财政拨款比上年增加（正）或减少（负），元', kind: 'change', get: (r) => r.keyFigures.changeFromPreviousYear },
  { name: 'threePublicTotal', title: `${THREE_PUBLIC}合计`, description: `${THREE_PUBLIC}合计，元`, kind: 'amount', get: (r) => r.keyFigures.threePublic.total, implied: 'threePublic' },
  ...THREE_PUBLIC_ITEMS.map(([key, label]): KeyFigureField => (
    { name: key, title: label, description: `${THREE_PUBLIC}中的${label}，元`, kind: 'amount', get: (r) => r.keyFigures.threePublic[key] })),
  { name: 'operatingExpenses', title: '机关运行经费', description: '机关运行经费，元；单位说明不在统计范围或未说明时为空', kind: 'amount', get: (r) => r.keyFigures.operatingExpenses },
  { name: 'procurementTotal', title: '政府采购合计', description: '政府采购预算总额，元', kind: 'amount', get: (r) => r.keyFigures.procurement.total },
  { name: 'procurementGoods', title: '政府采购·货物', description: '政府采购中的货物类，元', kind: 'amount', get: (r) => r.keyFigures.procurement.goods },
  { name: 'procurementWorks', title: '政府采购·工程', description: '政府采购中的工程类，元', kind: 'amount', get: (r) => r.keyFigures.procurement.works },
  { name: 'procurementServices', title: '政府采购·服务', description: '政府采购中的服务类，元', kind: 'amount', get: (r) => r.keyFigures.procurement.services },
  { name: 'vehicles', title: '车辆数', description: '截至基准日占有使用的车辆数（辆），“无车辆”为0', kind: 'count', get: (r) => r.keyFigures.vehicles },
  { name: 'glossaryTerms', title: '专业性名词解释词条', description: '文件“专业性名词解释”中的词条，以“；”分隔', kind: 'text', get: (r) => r.keyFigures.glossaryTerms.join('；') || null },
  { name: 'contactName', title: '联系人', description: '文件所列联系人', kind: 'text', get: (r) => r.keyFigures.contact.name },
  { name: 'contactPhone', title: '联系方式', description: '文件所列联系电话', kind: 'text', get: (r) => r.keyFigures.contact.phone },
];

/** Looks a field up by name (throws on a typo: a programming error). */
export function keyFigureField(name: string): KeyFigureField {
  const field = keyFigureFields.find((f) => f.name === name);
  if (!field) throw new Error(`unknown key figure: ${name}`);
  return field;
}

/**
 * Which side of the budget the headline 预算总额 is: 收入 when the document states an income total, else
 * 支出, else none. The one definition every page uses (index, district, year, unit-year pages, charts), so
 * a document whose income and expenditure totals differ shows the same total everywhere.
 */
export function headlineSide(kf: Pick<KeyFigures, 'incomeTotal' | 'expenditureTotal'>): 'income' | 'expenditure' | null {
  return kf.incomeTotal !== null ? 'income' : kf.expenditureTotal !== null ? 'expenditure' : null;
}

/** The headline 预算总额 of a record (see headlineSide), in 元, or null. */
export const budgetTotal = (r: { keyFigures: Pick<KeyFigures, 'incomeTotal' | 'expenditureTotal'> }): number | null => {
  const side = headlineSide(r.keyFigures);
  return side === null ? null : r.keyFigures[`${side}Total`];
};

/** Display text of a field's value: amounts in 万元 (changes signed), counts as digits, '—' when missing. */
export function formatField(field: Pick<KeyFigureField, 'kind'>, value: number | string | null): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (field.kind) {
    case 'amount': return formatWan(value);
    case 'change': return formatWanSigned(value);
    default: return String(value);
  }
}

/** Where a change from the previous year and the base of its percentage both come from. */
export type ChangeBasis = 'document' | 'published';

/** How a page states the basis of a change. */
export const CHANGE_BASIS_LABEL: Readonly<Record<ChangeBasis, string>> = {
  document: '据本文件',
  published: '据上年公开数',
};

/** A change from the year compared with, the figure its percentage is taken of, and where both come from. */
export interface ChangeFromPrevious {
  /** Signed change in 元. */
  amount: number;
  comparedYear: number;
  /** The compared year's figure in 元 (the base of the percentage), or null when unknown. */
  base: number | null;
  basis: ChangeBasis;
  /** The document's statement (basis `document`): its line and reason. */
  stated: Change | null;
}

/**
 * The one rule for a change and its base, wherever a page shows a change: both from the same source, so
 * the percentage always belongs to the amount shown.
 * - `document` (据本文件): the document states the change; the base is this year's figure less that change
 *   (none when the comparison names the budget year or later: “较2026年” in a 2026 budget).
 * - `published` (据上年公开数): the document states none, but the compared year's record is shown here
 *   (`previous`, visible wherever this record is); the change is this year's figure less that record's.
 * When the document's change and the previous record disagree, the ingest reports it
 * (crossYear.previous-mismatch, scripts/ingest/checks/); the page shows the document's own statement.
 */
export function changeFromPrevious(a: {
  year: number;
  /** This year's figure in 元. */
  current: number | null;
  /** The document's statement of the change. */
  stated: Change | null | undefined;
  /** The compared year's record's figure, when that record is visible. */
  previous: { year: number; figure: number | null } | null;
  /** The year compared with when the statement names none (default: the year before). */
  comparedYear?: number;
}): ChangeFromPrevious | null {
  const { year, current, stated, previous } = a;
  if (stated && stated.amount !== null) {
    const comparedYear = stated.comparedYear ?? a.comparedYear ?? year - 1;
    const base = current !== null && comparedYear < year ? current - stated.amount : null;
    return { amount: stated.amount, comparedYear, base, basis: 'document', stated };
  }
  if (current !== null && previous && previous.figure !== null) {
    return { amount: current - previous.figure, comparedYear: previous.year, base: previous.figure, basis: 'published', stated: null };
  }
  return null;
}

type ChangeRecord = Pick<RecordSummary, 'keyFigures' | 'income' | 'expenditure' | 'impliedPreviousYear' | 'identity'>;

/** The change of the headline 预算总额 (its side's stated change, else the other side's), by the one rule. */
export function headlineChange(record: ChangeRecord, previous: Pick<RecordSummary, 'keyFigures' | 'identity'> | null): ChangeFromPrevious | null {
  const side = headlineSide(record.keyFigures) ?? 'income';
  const other = side === 'income' ? 'expenditure' : 'income';
  return changeFromPrevious({
    year: record.identity.year,
    current: budgetTotal(record),
    stated: record[side].change ?? record[other].change,
    previous: previous && { year: previous.identity.year, figure: budgetTotal(previous) },
    comparedYear: record.impliedPreviousYear?.year,
  });
}

/** The change of the “三公”经费 total by the one rule. */
export function threePublicChange(record: Pick<RecordSummary, 'keyFigures' | 'threePublic' | 'impliedPreviousYear' | 'identity'>, previous: Pick<RecordSummary, 'keyFigures' | 'identity'> | null): ChangeFromPrevious | null {
  return changeFromPrevious({
    year: record.identity.year,
    current: record.keyFigures.threePublic.total ?? record.threePublic.total.amount,
    stated: record.threePublic.total.change,
    previous: previous && { year: previous.identity.year, figure: previous.keyFigures.threePublic.total },
    comparedYear: record.impliedPreviousYear?.year,
  });
}
