/**
 * Stage 5 — validate: check every figure against the document's own totals and statements.
 *
 * Tolerance: the documents print 万元 to two decimals, so a sum of n rounded parts may differ from the
 * rounded total by up to n × 0.005 万元 (rounded up to n × 100 元 here). Inside that band a difference is
 * `info` when the document admits rounding (因四舍五入…) and a `warning` otherwise; beyond it, an `error`.
 */
import { THREE_PUBLIC_LABEL } from '../../../src/domain/terms/three-public.ts';
import { agreesAtTextPrecision, formatWan, sum } from '../../../src/domain/money.ts';
import type { Finding } from '../../../src/domain/schema/finding.ts';
import type { Change } from '../../../src/domain/schema/change.ts';
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';
import type { ImpliedPreviousYear } from '../../../src/domain/schema/implied-previous-year.ts';

type Draft = Omit<UnitYearRecord, 'id' | 'slug' | 'source' | 'coverage' | 'release' | 'keyFigures'> & {
  keyFigures: UnitYearRecord['keyFigures'];
};

const wan = (yuan: number) => `${formatWan(yuan)}万元`;
/** A change in words, as a document states it: 增加12.34万元 / 减少78.06万元 / 持平 (never “增减-78.06万元”). */
const change = (yuan: number) => (yuan > 0 ? `增加${wan(yuan)}` : yuan < 0 ? `减少${wan(-yuan)}` : '持平');

/** Compares parts with a total and reports a finding when they differ. */
function checkSum(
  out: Finding[], code: string, what: string, total: number | null, parts: (number | null)[], line: number | null,
  roundingAdmitted: boolean,
): void {
  const known = parts.filter((p): p is number => p !== null);
  if (total === null || known.length === 0 || known.length < parts.length) return;
  const s = sum(known);
  const diff = Math.abs(s - total);
  if (diff === 0) return;
  const tolerance = known.length * 100;
  const message = `${what}：各项合计${wan(s)}，与总数${wan(total)}相差${wan(diff)}`;
  if (diff <= tolerance) {
    out.push({ severity: roundingAdmitted ? 'info' : 'warning', code: `${code}.rounding`, message: `${message}${roundingAdmitted ? '（文件已说明因四舍五入）' : '，可能是四舍五入所致，但文件未说明'}`, line });
  } else {
    out.push({ severity: 'error', code, message, line });
  }
}

/** A comparison with a year that is not before the budget year cannot be right. */
function checkChangeYear(out: Finding[], year: number, change: Change | null, what: string): void {
  if (!change || change.comparedYear === null) return;
  if (change.comparedYear >= year) {
    out.push({
      severity: 'error', code: 'change.impossible-year',
      message: `${what}写作“较${change.comparedYear}年”，但本文件是${year}年预算，比较年份应早于${year}年（应为${year - 1}年？）`,
      line: change.line,
    });
  } else if (change.comparedYear < year - 1) {
    out.push({
      severity: 'warning', code: 'change.unusual-year',
      message: `${what}与${change.comparedYear}年比较，通常应与上一年（${year - 1}年）比较`,
      line: change.line,
    });
  }
}

/** Checks one record on its own. `roundingAdmitted`: the text says 因四舍五入. */
export function validateRecord(r: Draft, roundingAdmitted: boolean): Finding[] {
  const out: Finding[] = [];
  const year = r.identity.year;

  // 人员经费 + 公用经费 = 基本支出.
  const bb = r.generalBudgetAppropriation.basicBreakdown;
  if (bb) {
    checkSum(out, 'expenditure.basic-breakdown-sum', '人员经费与公用经费之和与基本支出不一致', r.generalBudgetAppropriation.basic.amount,
      [bb.personnelCosts, bb.officeCosts], bb.line, roundingAdmitted);
  }
  // Income sources vs total.
  checkSum(out, 'income.sources-sum', '收入预算各来源之和与收入总额不一致', r.income.total,
    r.income.sources.map((s) => s.amount + (s.carriedForward ?? 0)), r.income.line, roundingAdmitted);
  // Function classes vs expenditure total.
  if (r.expenditure.byFunction.length) {
    checkSum(out, 'expenditure.function-sum', '支出预算各功能分类之和与支出总额不一致', r.expenditure.total,
      r.expenditure.byFunction.map((f) => f.amount), r.expenditure.line, roundingAdmitted);
  }
  // Income = expenditure.
  if (r.income.total !== null && r.expenditure.total !== null && r.income.total !== r.expenditure.total) {
    out.push({ severity: 'error', code: 'balance.income-expenditure', message: `收入预算${wan(r.income.total)}与支出预算${wan(r.expenditure.total)}不相等（收支应平衡）`, line: r.expenditure.line });
  }
  // Basic + project = 一般公共预算财政拨款支出.
  const gba = r.generalBudgetAppropriation;
  checkSum(out, 'expenditure.basic-project-sum', '基本支出与项目支出之和与一般公共预算财政拨款支出不一致', gba.expenditure,
    [gba.basic.amount, gba.project.amount], gba.line, roundingAdmitted);
  if (gba.income !== null && gba.expenditure !== null && gba.income !== gba.expenditure) {
    out.push({ severity: 'warning', code: 'balance.general-budget', message: `一般公共预算财政拨款收入${wan(gba.income)}与支出${wan(gba.expenditure)}不相等`, line: gba.line });
  }
  // 一般公共预算拨款 (income) vs the explanation.
  const gbIncome = r.income.sources.find((s) => s.key === 'generalBudget')?.amount ?? null;
  if (gbIncome !== null && gba.income !== null && gbIncome !== gba.income) {
    out.push({ severity: 'warning', code: 'income.general-budget-mismatch', message: `收入预算中一般公共预算拨款${wan(gbIncome)}与预算情况说明中的${wan(gba.income)}不一致`, line: gba.line });
  }
  // Changes: comparison year, and the parts of the change vs the whole.
  checkChangeYear(out, year, r.income.change, '收入预算的增减');
  checkChangeYear(out, year, r.expenditure.change, '支出预算的增减');
  checkChangeYear(out, year, gba.change, '一般公共预算财政拨款的增减');
  checkChangeYear(out, year, gba.basic.change, '基本支出的增减');
  checkChangeYear(out, year, gba.project.change, '项目支出的增减');
  for (const [k, label] of Object.entries(THREE_PUBLIC_LABEL) as [keyof typeof THREE_PUBLIC_LABEL, string][]) {
    checkChangeYear(out, year, r.threePublic[k].change, `${label}的增减`);
  }
  if (r.operatingExpenses) checkChangeYear(out, year, r.operatingExpenses.change, '机关运行经费的增减');

  const inc = r.income.change?.amount ?? null;
  const exp = r.expenditure.change?.amount ?? null;
  if (inc !== null && exp !== null && inc !== exp && r.income.total === r.expenditure.total) {
    out.push({ severity: 'warning', code: 'change.income-expenditure-mismatch', message: `收入比上年${change(inc)}，支出比上年${change(exp)}，收支平衡时两者应相同`, line: r.expenditure.change!.line });
  }
  // The 支出预算 paragraph's own breakdown of its change (the 财政拨款 explanation is checked below).
  const bc = r.expenditure.basicChange?.amount ?? null;
  const pc = r.expenditure.projectChange?.amount ?? null;
  const wholeChange = (r.expenditure.change && r.expenditure.change.comparedYear !== null && r.expenditure.change.comparedYear >= year)
    ? inc : exp ?? inc;
  if (bc !== null && pc !== null && wholeChange !== null && bc + pc !== wholeChange) {
    out.push({ severity: 'warning', code: 'change.parts-sum', message: `基本支出比上年${change(bc)}，项目支出比上年${change(pc)}，两者合计${change(bc + pc)}，与支出总额比上年${change(wholeChange)}不一致`, line: r.expenditure.line ?? gba.line });
  }
  if (gba.change && gba.basic.change && gba.project.change && gba.change.amount !== null && gba.basic.change.amount !== null && gba.project.change.amount !== null) {
    if (gba.basic.change.amount + gba.project.change.amount !== gba.change.amount) {
      out.push({ severity: 'warning', code: 'change.basic-project-sum', message: `基本支出比上年${change(gba.basic.change.amount)}，项目支出比上年${change(gba.project.change.amount)}，两者合计与一般公共预算财政拨款比上年${change(gba.change.amount)}不一致`, line: gba.line });
    }
  }
  // 三公 items vs total.
  const tp = r.threePublic;
  checkSum(out, 'threePublic.items-sum', '“三公”经费各项之和与总额不一致', tp.total.amount,
    [tp.outboundTravel.amount, tp.reception.amount, tp.vehicleOperation.amount, tp.vehiclePurchase.amount], tp.total.line, roundingAdmitted);
  if (tp.total.change?.amount != null) {
    const items = [tp.outboundTravel, tp.reception, tp.vehicleOperation, tp.vehiclePurchase].map((i) => i.change?.amount ?? null);
    if (items.every((x) => x !== null) && sum(items) !== tp.total.change.amount) {
      out.push({ severity: 'warning', code: 'threePublic.change-sum', message: `“三公”经费各项比上年的增减合计为${change(sum(items))}，与总额比上年${change(tp.total.change.amount)}不一致`, line: tp.total.line });
    }
  }
  // Procurement parts.
  const pr = r.procurement;
  if (pr) {
    checkSum(out, 'procurement.parts-sum', '政府采购货物、工程、服务之和与采购总额不一致', pr.total, [pr.goods, pr.works, pr.services], pr.line, roundingAdmitted);
    if (pr.generalBudget) {
      checkSum(out, 'procurement.general-budget-parts-sum', '一般公共预算拨款政府采购的货物、工程、服务之和与其总额不一致', pr.generalBudget.total,
        [pr.generalBudget.goods, pr.generalBudget.works, pr.generalBudget.services], pr.line, roundingAdmitted);
      if (pr.total !== null && pr.generalBudget.total !== null && pr.generalBudget.total > pr.total) {
        out.push({ severity: 'error', code: 'procurement.general-budget-exceeds', message: `一般公共预算拨款政府采购${wan(pr.generalBudget.total)}超过采购总额${wan(pr.total)}`, line: pr.line });
      }
    }
  }
  // Performance coverage vs project spending (informational).
  if (r.performance?.coverageAmount != null && gba.project.amount !== null && r.performance.coverageAmount !== gba.project.amount) {
    out.push({ severity: 'info', code: 'performance.coverage-differs', message: `实行绩效目标管理的金额${wan(r.performance.coverageAmount)}与项目支出${wan(gba.project.amount)}不同`, line: r.performance.line });
  }
  // Tables vs narrative.
  for (const f of checkTablesAgainstNarrative(r)) out.push(f);
  return out;
}

/** Attached tables against the narrative: 类-level function classes, totals, basic/project. */
function checkTablesAgainstNarrative(r: Draft): Finding[] {
  const out: Finding[] = [];
  const generalBudget = r.income.sources.find((x) => x.key === 'generalBudget')?.amount ?? null;
  const allGeneral = r.income.total === null || generalBudget === null || generalBudget === r.income.total;
  for (const t of r.tables) {
    if (!['departmentExpenditure', 'generalBudgetExpenditure'].includes(t.kind)) continue;
    if (t.unitOfMeasure && !/万元|元/.test(t.unitOfMeasure)) continue;
    const firstNum = t.numericColumns[0];
    if (firstNum === undefined) continue;
    const lastHeader = t.header[t.header.length - 1] ?? [];
    const column = (name: string) => lastHeader.findIndex((h) => h.replace(/\s+/g, '') === name);
    const gba = r.generalBudgetAppropriation;
    for (const row of t.rows) {
      const cell = row.cells[firstNum];
      if (!cell || cell.fen === null) continue;
      if (row.total) {
        for (const [name, narrative] of [['基本支出', gba.basic.amount], ['项目支出', gba.project.amount]] as const) {
          const c = row.cells[column(name)];
          if (narrative === null || !c || c.fen === null || agreesAtTextPrecision(narrative, c.fen)) continue;
          out.push({ severity: 'error', code: 'table.narrative-basic-project', message: `附表「${t.title}」合计行的${name}为${formatWan(c.fen / 100)}万元，说明中为${wan(narrative)}`, line: c.line });
        }
      }
      if (row.total && r.expenditure.total !== null && !agreesAtTextPrecision(r.expenditure.total, cell.fen) && t.kind === 'departmentExpenditure') {
        out.push({ severity: 'error', code: 'table.narrative-total', message: `附表「${t.title}」合计${formatWan(cell.fen / 100)}万元与说明中的支出预算${wan(r.expenditure.total)}不一致`, line: cell.line });
      }
      if (row.level !== 'class' || !row.code) continue;
      // The 一般公共预算 table's classes are the narrative's (total spending) only when all income is 一般公共预算.
      if (t.kind === 'generalBudgetExpenditure' && !allGeneral) continue;
      const nameCell = row.cells.find((c) => c.fen === null && c.text && !/^\d+$/.test(c.text.trim()));
      const name = nameCell?.text.trim();
      const narrative = r.expenditure.byFunction.find((f) => f.label === name);
      if (narrative && !agreesAtTextPrecision(narrative.amount, cell.fen)) {
        out.push({ severity: 'error', code: 'table.narrative-function', message: `附表「${t.title}」中${row.code} ${name} 为${formatWan(cell.fen / 100)}万元，说明中为${wan(narrative.amount)}`, line: cell.line });
      }
    }
  }
  return out;
}

/** Previous-year figures implied by "比YYYY年增加X" (only from comparisons with a possible year). */
export function impliedPreviousYear(r: Draft): ImpliedPreviousYear | null {
  const year = r.identity.year;
  const ok = (c: Change | null | undefined) => c && c.amount !== null && (c.comparedYear === null || c.comparedYear < year) ? c : null;
  const minus = (v: number | null, c: Change | null | undefined) => (v !== null && ok(c) ? v - ok(c)!.amount! : null);
  const gba = r.generalBudgetAppropriation;
  const compared = [r.income.change, gba.change, r.expenditure.change, gba.basic.change, r.threePublic.total.change]
    .map((c) => ok(c)?.comparedYear).find((y) => y !== null && y !== undefined) ?? year - 1;
  const implied: ImpliedPreviousYear = {
    year: compared,
    incomeTotal: minus(r.income.total, r.income.change),
    expenditureTotal: minus(r.expenditure.total, r.expenditure.change),
    generalBudget: minus(gba.expenditure, gba.change),
    basicExpenditure: minus(gba.basic.amount, gba.basic.change),
    projectExpenditure: minus(gba.project.amount, gba.project.change),
    threePublic: minus(r.threePublic.total.amount, r.threePublic.total.change),
  };
  const anyFigure = Object.entries(implied).some(([k, v]) => k !== 'year' && v !== null);
  return anyFigure ? implied : null;
}

/**
 * True when every build that shows a record released as `shown` also shows one released as `prev`: a
 * draft is shown in previews only (which show everything); a published record from its publishAt on.
 */
export function shownWherever(prev: Pick<UnitYearRecord['release'], 'status' | 'publishAt'>, shown: Pick<UnitYearRecord['release'], 'status' | 'publishAt'>): boolean {
  if (shown.status === 'draft') return true;
  if (prev.status !== 'published') return false;
  return prev.publishAt === null || (shown.publishAt !== null && prev.publishAt <= shown.publishAt);
}

/**
 * Across years of the same unit: the previous-year figure a record implies vs that year's own record.
 * Returns findings to add, keyed by record id.
 */
export function crossYearFindings(records: UnitYearRecord[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const byKey = new Map(records.map((r) => [`${r.slug.district}/${r.slug.unit}/${r.identity.year}`, r]));
  // Each figure, and where the record states the change it is implied from.
  const labels: [keyof Omit<ImpliedPreviousYear, 'year'>, string, (r: UnitYearRecord) => number | null, (r: UnitYearRecord) => number | null][] = [
    ['incomeTotal', '收入预算', (r) => r.income.total, (r) => r.income.change?.line ?? null],
    ['expenditureTotal', '支出预算', (r) => r.expenditure.total, (r) => r.expenditure.change?.line ?? null],
    ['generalBudget', '一般公共预算财政拨款支出', (r) => r.generalBudgetAppropriation.expenditure, (r) => r.generalBudgetAppropriation.change?.line ?? null],
    ['basicExpenditure', '基本支出', (r) => r.generalBudgetAppropriation.basic.amount, (r) => r.generalBudgetAppropriation.basic.change?.line ?? null],
    ['projectExpenditure', '项目支出', (r) => r.generalBudgetAppropriation.project.amount, (r) => r.generalBudgetAppropriation.project.change?.line ?? null],
    ['threePublic', '“三公”经费', (r) => r.threePublic.total.amount, (r) => r.threePublic.total.change?.line ?? null],
  ];
  for (const r of records) {
    const imp = r.impliedPreviousYear;
    if (!imp) continue;
    const prev = byKey.get(`${r.slug.district}/${r.slug.unit}/${imp.year}`);
    // Only with a previous year shown wherever this record is: a draft's figures never reach a published page.
    if (!prev || !shownWherever(prev.release, r.release)) continue;
    for (const [key, label, get, lineOf] of labels) {
      const implied = imp[key];
      const actual = get(prev);
      if (implied === null || actual === null || implied === actual) continue;
      const list = out.get(r.id) ?? [];
      list.push({
        severity: 'warning', code: 'crossYear.previous-mismatch',
        message: `按本文件“比${imp.year}年增减”推算，${imp.year}年${label}应为${wan(implied)}，但${imp.year}年公开文件为${wan(actual)}`,
        line: lineOf(r),
      });
      out.set(r.id, list);
    }
  }
  return out;
}
