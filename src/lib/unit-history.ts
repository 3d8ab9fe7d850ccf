/**
 * A unit across its years, as columns of the unit page: one per record, plus a derived column for a year
 * that has no record of its own but whose figures a later document implies by its stated changes.
 */
import type { RecordSummary } from '../domain/record-summary.ts';
import type { ImpliedPreviousYear } from '../domain/schema/implied-previous-year.ts';

/** One year column: either a record, or figures implied by another year's record. */
export type YearColumn =
  | { year: number; kind: 'record'; record: RecordSummary }
  | { year: number; kind: 'implied'; figures: ImpliedPreviousYear; from: RecordSummary };

/**
 * Year columns in ascending order. A year implied by several records takes the figures of the nearest
 * later record (the freshest statement about it); a year with a record of its own is never derived.
 */
export function unitYearColumns(records: readonly RecordSummary[]): YearColumn[] {
  const columns = new Map<number, YearColumn>();
  for (const record of records) columns.set(record.identity.year, { year: record.identity.year, kind: 'record', record });
  const byYear = [...records].sort((a, b) => a.identity.year - b.identity.year);
  for (const from of byYear) {
    const figures = from.impliedPreviousYear;
    if (!figures || columns.has(figures.year)) continue;
    columns.set(figures.year, { year: figures.year, kind: 'implied', figures, from });
  }
  return [...columns.values()].sort((a, b) => a.year - b.year);
}
