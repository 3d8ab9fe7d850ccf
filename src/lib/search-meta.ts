/**
 * What the search index records about a unit-year page (Pagefind metadata and filters), and the filter
 * names the search page offers. One place, so the pages that are indexed and the search page agree.
 */
import type { UnitYearRecord } from '../domain/schema/record.ts';

/** Metadata and filter values of one searchable page. */
export interface SearchMeta {
  /** Unit name as written in the disclosure (shown in results). */
  unit: string;
  /** District name as written (开州区), or the district slug when the disclosure names none. */
  district: string;
  /** District slug: the value of the `district` filter. */
  districtSlug: string;
  /** Budget year: the value of the `year` filter. */
  year: number;
}

/** Pagefind filter names, as used in the search page's query string (`?district=kaizhou&year=2026`). */
export const searchFilters = ['district', 'year'] as const;
export type SearchFilter = (typeof searchFilters)[number];

/** The search metadata of a unit-year record. */
export function searchMeta(record: Pick<UnitYearRecord, 'identity' | 'slug'>): SearchMeta {
  return {
    unit: record.identity.unit,
    district: record.identity.district ?? record.slug.district,
    districtSlug: record.slug.district,
    year: record.identity.year,
  };
}
