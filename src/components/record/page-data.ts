/** What the unit-year page and its download endpoints derive from the list of visible records. */
import type { RecordSummary } from '../../domain/record-summary.ts';

/** Route params of a record's page and files: `/<district>/<unit>/<year>/`. */
export function recordParams(r: Pick<RecordSummary, 'slug' | 'identity'>): { district: string; unit: string; year: string } {
  return { district: r.slug.district, unit: r.slug.unit, year: String(r.identity.year) };
}

const sameUnit = (a: RecordSummary, b: RecordSummary): boolean =>
  a.slug.district === b.slug.district && a.slug.unit === b.slug.unit;

/** The unit's other visible records (same slug, other years), by ascending year. */
export function otherYears<R extends RecordSummary>(record: RecordSummary, visible: readonly R[]): R[] {
  return visible
    .filter((r) => sameUnit(r, record) && r.identity.year !== record.identity.year)
    .sort((a, b) => a.identity.year - b.identity.year);
}

/** The visible record of the year this document compares with (its stated or implied previous year), or null. */
export function previousRecord<R extends RecordSummary>(record: RecordSummary, visible: readonly R[]): R | null {
  const year = record.impliedPreviousYear?.year ?? record.income.change?.comparedYear ?? record.identity.year - 1;
  return visible.find((r) => sameUnit(r, record) && r.identity.year === year) ?? null;
}
