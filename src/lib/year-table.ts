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

/** Sum of integer amounts (元), or null when any is missing: a total never silently leaves a unit out. */
export function columnTotal(values: ReadonlyArray<number | null>): number | null {
  let sum = 0;
  for (const v of values) {
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/**
 * Per cent change of the 一般公共预算财政拨款 (the figure `changeFromPreviousYear` is stated for), against
 * the previous year's figure implied by it (this year's less the change); display only, null when unknown.
 */
export function changeRatio(r: RecordSummary): number | null {
  const change = r.keyFigures.changeFromPreviousYear;
  const now = r.keyFigures.generalBudget;
  if (change === null || now === null) return null;
  const base = now - change;
  return base > 0 ? change / base : null;
}

/** A record's share of a total (0…1, display only), null when either is unknown or the total is not positive. */
export function shareOfTotal(value: number | null, total: number | null): number | null {
  return value === null || total === null || total <= 0 ? null : value / total;
}

/**
 * A record's place among the records of its district in its year, by budget total (1 = largest), with the
 * district's total and the record's share of it; null when its own total is unknown.
 */
export interface Standing {
  rank: number;
  of: number;
  districtTotal: number | null;
  share: number | null;
}

export function districtStanding(record: RecordSummary, sameYear: readonly RecordSummary[]): Standing | null {
  return districtStandings(sameYear)(record);
}

/**
 * `districtStanding` for any number of records among `all`: `all` is grouped by district and year once.
 * (Filtering `all` for each record's peers, as a unit-year page's paths did, is quadratic: ≈ 10⁸ comparisons
 * at 10,000 records, seconds on every dev-server update.)
 */
export function districtStandings(all: readonly RecordSummary[]): (record: RecordSummary) => Standing | null {
  const key = (r: RecordSummary): string => `${r.slug.district}\u0000${r.identity.year}`;
  const totals = new Map<string, (number | null)[]>();
  for (const r of all) {
    const list = totals.get(key(r));
    if (list) list.push(budgetTotal(r));
    else totals.set(key(r), [budgetTotal(r)]);
  }
  const districtTotals = new Map([...totals].map(([k, list]) => [k, columnTotal(list)]));
  return (record) => {
    const own = budgetTotal(record);
    if (own === null) return null;
    const peers = totals.get(key(record)) ?? [];
    const districtTotal = districtTotals.get(key(record)) ?? columnTotal(peers);
    const rank = 1 + peers.filter((t) => t !== null && t > own).length;
    return { rank, of: peers.length, districtTotal, share: shareOfTotal(own, districtTotal) };
  };
}
