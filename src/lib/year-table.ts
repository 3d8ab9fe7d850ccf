/**
 * The table of every unit of one year, in the three orders the year pages offer (one static page each:
 * sorting needs no script). Missing figures always sort last.
 */
import type { RecordSummary } from '../domain/record-summary.ts';
import { budgetTotal } from '../domain/key-figures.ts';
import type { YearSort } from './routes.ts';

/** Label of each order, shown on the sort controls and the sorted column. */
export const yearSortLabels: Record<YearSort, string> = {
  total: '预算总额',
  change: '比上年增减',
  'three-public': '“三公”经费',
};

/** The figure each order sorts by. */
export const yearSortValue: Record<YearSort, (r: RecordSummary) => number | null> = {
  total: budgetTotal,
  change: (r) => r.keyFigures.changeFromPreviousYear,
  'three-public': (r) => r.keyFigures.threePublic.total,
};

const collator = new Intl.Collator('zh-CN');

/** Records sorted by the order's figure, largest first (a change: biggest increase first); unknowns last, ties by unit name. */
export function sortYearRecords(records: readonly RecordSummary[], sort: YearSort): RecordSummary[] {
  const value = yearSortValue[sort];
  return [...records].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      return vb - va;
    }
    return collator.compare(a.identity.unit, b.identity.unit) || a.id.localeCompare(b.id);
  });
}
