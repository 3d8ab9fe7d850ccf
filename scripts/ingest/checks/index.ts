/**
 * The checks registry: every check the ingest runs, in the order it runs them. A new check is a module
 * beside these (code in src/domain/terms/findings.ts, function, examples) added to one list here; the
 * generic test (`__tests__/checks.test.ts`) then runs it on its examples.
 */
import type { Finding } from '../../../src/domain/schema/finding.ts';
import { balanceGeneralBudget, balanceIncomeExpenditure, incomeGeneralBudgetMismatch } from './balance.ts';
import { changeImpossibleYear, changeUnusualYear } from './change-year.ts';
import { changeBasicProjectSum, changeIncomeExpenditureMismatch, changePartsSum, threePublicChangeSum } from './change-sums.ts';
import { crossYearPreviousMismatch, type CrossYearPair, type CrossYearRecord } from './cross-year-previous-mismatch.ts';
import { expenditureBasicBreakdownSum } from './expenditure-basic-breakdown-sum.ts';
import { figureStrayCharacters } from './figure-stray-characters.ts';
import { expenditureBasicProjectSum } from './expenditure-basic-project-sum.ts';
import { expenditureFunctionSum } from './expenditure-function-sum.ts';
import { incomeSourcesSum } from './income-sources-sum.ts';
import { performanceCoverageDiffers } from './performance-coverage-differs.ts';
import { procurementGeneralBudgetExceeds } from './procurement-general-budget-exceeds.ts';
import { procurementGeneralBudgetPartsSum, procurementPartsSum } from './procurement-parts-sum.ts';
import { sectionMissing } from './section-missing.ts';
import { sectionOrder } from './section-order.ts';
import type { StructureFinding, StructureInput } from './structure.ts';
import type { CheckedRecord, RecordInput } from './record.ts';
import { tableNarrativeBasicProject, tableNarrativeFunction, tableNarrativeTotal } from './table-narrative.ts';
import { tableNotAddingUp } from './table-not-adding-up.ts';
import { tableSums } from './table-sums.ts';
import { tableTextDisagrees } from './table-text-disagrees.ts';
import { tablesDisagree } from './tables-disagree.ts';
import { threePublicInferred } from './three-public-inferred.ts';
import { threePublicItemsSum } from './three-public-items-sum.ts';
import type { Check } from './types.ts';

/** Checks of a document's outline and text, before its figures are read. */
export const STRUCTURE_CHECKS: readonly Check<StructureInput, StructureFinding>[] = [sectionOrder, sectionMissing];

/** Checks of one document's record on its own. */
export const RECORD_CHECKS: readonly Check<RecordInput>[] = [
  expenditureBasicBreakdownSum,
  incomeSourcesSum,
  expenditureFunctionSum,
  balanceIncomeExpenditure,
  expenditureBasicProjectSum,
  balanceGeneralBudget,
  incomeGeneralBudgetMismatch,
  changeImpossibleYear,
  changeUnusualYear,
  changeIncomeExpenditureMismatch,
  changePartsSum,
  changeBasicProjectSum,
  threePublicInferred,
  threePublicItemsSum,
  threePublicChangeSum,
  procurementPartsSum,
  procurementGeneralBudgetPartsSum,
  procurementGeneralBudgetExceeds,
  performanceCoverageDiffers,
  tableNarrativeBasicProject,
  tableNarrativeTotal,
  tableNarrativeFunction,
];

/**
 * Checks raised inside a stage while it parses, because their input is what the stage is reading (a paragraph's
 * text, a table as it is being built, the figures every table states) and the record keeps only the result.
 * The stage calls the unit's `run` itself (see each module); they are listed here, by name, so the generic
 * test runs their examples too. Their inputs differ, hence an object rather than one list.
 */
export const STAGE_CHECKS = { figureStrayCharacters, tableSums, tableTextDisagrees, tablesDisagree, tableNotAddingUp } as const;

/** Checks of a record against its unit's record of the year it compares with. */
export const CROSS_YEAR_CHECKS: readonly Check<CrossYearPair>[] = [crossYearPreviousMismatch];

/** Runs every record check. `roundingAdmitted`: the text says 因四舍五入. */
export const checkRecord = (record: CheckedRecord, roundingAdmitted: boolean): Finding[] =>
  RECORD_CHECKS.flatMap((c) => c.run({ record, roundingAdmitted }));

/** Runs the checks across years on a corpus; the findings to add, keyed by record id. */
export function crossYearFindings(records: readonly CrossYearRecord[]): Map<string, Finding[]> {
  const key = (r: CrossYearRecord, year: number) => `${r.slug.district}/${r.slug.unit}/${year}`;
  const byKey = new Map(records.map((r) => [key(r, r.identity.year), r]));
  const out = new Map<string, Finding[]>();
  for (const record of records) {
    if (!record.impliedPreviousYear) continue;
    const previous = byKey.get(key(record, record.impliedPreviousYear.year)) ?? null;
    const found = CROSS_YEAR_CHECKS.flatMap((c) => c.run({ record, previous }));
    if (found.length) out.set(record.id, found);
  }
  return out;
}

export type { CrossYearRecord } from './cross-year-previous-mismatch.ts';
