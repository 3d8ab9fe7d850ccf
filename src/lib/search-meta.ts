/**
 * What the search index records about a unit-year page (Pagefind metadata and filters), and the filter
 * names the search page offers. One place, so the pages that are indexed and the search page agree.
 */
import { pinyin } from 'pinyin-pro';
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
  /**
   * The unit's name in pinyin and by initials, with and without the city and district (searched, not
   * shown): "zhengwuxinxizhongxin zwxxzx chongqingshikaizhouquzhengwuxinxizhongxin cqskzqzwxxzx".
   */
  names: string;
}

/** Pagefind filter names, as used in the search page's query string (`?district=kaizhou&year=2026`). */
export const searchFilters = ['district', 'year'] as const;
export type SearchFilter = (typeof searchFilters)[number];

/** A name in toneless pinyin, syllables joined, or by the first letter of each syllable. */
function latin(name: string, initials: boolean): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true, ...(initials ? { pattern: 'first' as const } : {}) }) as string[];
  return syllables.join('').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '');
}

/** The unit name without its city and district, as written. */
function shortName(identity: UnitYearRecord['identity']): string {
  let rest = identity.unit;
  if (identity.city && rest.startsWith(identity.city)) rest = rest.slice(identity.city.length);
  if (identity.district && rest.startsWith(identity.district)) rest = rest.slice(identity.district.length);
  return rest || identity.unit;
}

/**
 * The search metadata of a unit-year record; `districtName` is the page's name for its district (the
 * configured name when the document states none). No site configuration is imported here: the browser's
 * search script imports this module.
 */
export function searchMeta(record: Pick<UnitYearRecord, 'identity' | 'slug'>, districtName = record.identity.district ?? record.slug.district): SearchMeta {
  const short = shortName(record.identity);
  const names = [latin(short, false), latin(short, true), latin(record.identity.unit, false), latin(record.identity.unit, true)];
  return {
    unit: record.identity.unit,
    district: districtName,
    districtSlug: record.slug.district,
    year: record.identity.year,
    names: [...new Set(names.filter(Boolean))].join(' '),
  };
}
