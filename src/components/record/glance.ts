/**
 * 要点 (at a glance): what a citizen asks first — how much, on what, compared with last year, and how much
 * goes on the 三公 — picked from the record for the top of the unit-year page. Pure: every amount is one
 * the record (or an attached table) states, with its source line; shares and percentages are display only.
 */
import { budgetTotal, headlineChange, headlineSide, type ChangeFromPrevious } from '../../domain/key-figures.ts';
import type { UnitYearRecord } from '../../domain/schema/record.ts';
import type { RecordSummary } from '../../domain/record-summary.ts';
import type { ThreePublic } from '../../domain/schema/three-public.ts';
import { THREE_PUBLIC_ITEMS } from '../../domain/terms/three-public.ts';
import { firstLine, provenanceLine } from './source-line.ts';

/** An amount in 元 as the record states it, with its source line. */
export interface Figure {
  yuan: number;
  line: number | null;
}

/** One bar of a "where the money goes" list: a label, its amount and its share of the whole. */
export interface Part extends Figure {
  label: string;
  /** Share of the whole, 0…1 (display only). */
  share: number;
}

/** Everything the 要点 block shows. */
export interface Glance {
  total: Figure | null;
  /** The change of the total and its base, by the one rule (据本文件 / 据上年公开数). */
  change: ChangeFromPrevious | null;
  /** Function classes (类) with money, largest first, as shares of the expenditure total. */
  functions: Part[];
  /** 基本支出 and 项目支出, with the document's own words on what they are for. */
  spending: Array<Part & { kind: 'basic' | 'project'; purpose: string | null }>;
  /** The largest 项目支出 items the document names (projects, or 经济分类 items of its project table). */
  projectItems: Part[];
  /** “三公”经费: total and the four items (document order), shares of the total. */
  threePublic: { total: Figure | null; items: Array<Part & { key: keyof ThreePublic }> };
}

/** Display-only share; 0 when the whole is not positive. */
const shareOf = (part: number, whole: number | null): number => (whole && whole > 0 ? part / whole : 0);

export { formatShare } from '../../domain/money.ts';

/** The record's headline total (预算总额) and its line. */
export function headlineTotal(record: UnitYearRecord): Figure | null {
  const side = headlineSide(record.keyFigures);
  const yuan = budgetTotal(record);
  if (side === null || yuan === null) return null;
  return { yuan, line: firstLine(provenanceLine(record, `keyFigures.${side}Total`), record[side].line) };
}

/** Function classes with money, largest first. */
function functionParts(record: UnitYearRecord): Part[] {
  const whole = record.expenditure.total ?? record.keyFigures.expenditureTotal;
  return record.expenditure.byFunction
    .filter((f) => f.amount !== null && f.amount > 0)
    .map((f) => ({ label: f.label, yuan: f.amount!, line: f.line, share: shareOf(f.amount!, whole) }))
    .sort((a, b) => b.yuan - a.yuan);
}

/**
 * The largest 项目支出 items, at most `max`: the projects of the 项目绩效目标表 when it names more than one,
 * else the 款 (or 项) rows of the attached 项目支出 table by 经济分类. Amounts from tables are in 分 and
 * kept only when they are whole 元.
 */
function projectParts(record: UnitYearRecord, projectTotal: number | null, max = 3): Part[] {
  const projects = record.performanceTargets.filter((p) => p.totalYuan !== null && p.totalYuan > 0);
  if (projects.length > 1) {
    return projects
      .map((p) => ({ label: p.project, yuan: p.totalYuan!, line: p.line, share: shareOf(p.totalYuan!, projectTotal) }))
      .sort((a, b) => b.yuan - a.yuan).slice(0, max);
  }
  const table = record.tables.find((t) => t.kind === 'projectExpenditure');
  if (!table || table.numericColumns.length === 0) return [];
  const col = table.numericColumns[0]!;
  const rows = table.rows.filter((r) => !r.total && r.code !== null);
  const finest = rows.some((r) => r.level === 'section') ? 'section' : 'class';
  return rows.filter((r) => r.level === finest).flatMap((r) => {
    const cell = r.cells[col];
    const name = r.cells.find((c, i) => i !== col && c.fen === null && c.text.trim() !== '' && c.text.trim() !== r.code)?.text.trim();
    if (!cell || cell.fen === null || cell.fen <= 0 || cell.fen % 100 !== 0 || !name) return [];
    const yuan = cell.fen / 100;
    return [{ label: name, yuan, line: cell.line, share: shareOf(yuan, projectTotal) }];
  }).sort((a, b) => b.yuan - a.yuan).slice(0, max);
}

/** The 要点 of a record. */
export function glance(record: UnitYearRecord, previous: RecordSummary | null): Glance {
  const kf = record.keyFigures;
  const gba = record.generalBudgetAppropriation;
  const spendingWhole = (kf.basicExpenditure ?? 0) + (kf.projectExpenditure ?? 0);
  const spending: Glance['spending'] = [];
  if (kf.projectExpenditure !== null) {
    spending.push({ kind: 'project', label: '项目支出', yuan: kf.projectExpenditure, line: firstLine(provenanceLine(record, 'keyFigures.projectExpenditure'), gba.project.line), share: shareOf(kf.projectExpenditure, spendingWhole), purpose: gba.project.purpose });
  }
  if (kf.basicExpenditure !== null) {
    spending.push({ kind: 'basic', label: '基本支出', yuan: kf.basicExpenditure, line: firstLine(provenanceLine(record, 'keyFigures.basicExpenditure'), gba.basic.line), share: shareOf(kf.basicExpenditure, spendingWhole), purpose: gba.basic.purpose });
  }
  spending.sort((a, b) => b.yuan - a.yuan);

  const tp = record.threePublic;
  const tpTotal = kf.threePublic.total ?? tp.total.amount;
  const items = THREE_PUBLIC_ITEMS.flatMap(([key, label]) => {
    const amount = tp[key].amount;
    if (amount === null) return [];
    return [{ key, label, yuan: amount, line: firstLine(tp[key].line, provenanceLine(record, `threePublic.${key}.amount`)), share: shareOf(amount, tpTotal) }];
  });
  return {
    total: headlineTotal(record),
    change: headlineChange(record, previous),
    functions: functionParts(record),
    spending,
    projectItems: projectParts(record, kf.projectExpenditure),
    threePublic: {
      total: tpTotal === null ? null : { yuan: tpTotal, line: firstLine(provenanceLine(record, 'keyFigures.threePublic.total'), tp.total.line) },
      items,
    },
  };
}

/**
 * A document's "用于…" wording, shortened for the summary: a list of more than `max` items (separated by
 * ；) keeps its first `max` and says how many there are; the words themselves are the document's.
 */
export function purposeSummary(purpose: string, max = 3): string {
  const text = purpose.trim().replace(/[。；;，,]+$/, '').replace(/^(主要)?用于/, '');
  const items = text.split(/[；;]/).map((s) => s.trim()).filter(Boolean);
  if (items.length <= max) return text;
  return `${items.slice(0, max).join('；')}等${items.length}项`;
}
