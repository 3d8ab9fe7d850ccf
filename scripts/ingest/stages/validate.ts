/**
 * Stage 5 — validate: check every figure against the document's own totals and statements. The checks are
 * units of their own (scripts/ingest/checks/: code, function, examples; `checkRecord` runs them); this stage
 * also derives the previous-year figures the document's stated changes imply (for the checks across years).
 */
import type { Change } from '../../../src/domain/schema/change.ts';
import type { ImpliedPreviousYear } from '../../../src/domain/schema/implied-previous-year.ts';
import type { CheckedRecord } from '../checks/record.ts';

/** Previous-year figures implied by "比YYYY年增加X" (only from comparisons with a possible year). */
export function impliedPreviousYear(r: CheckedRecord): ImpliedPreviousYear | null {
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
