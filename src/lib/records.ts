/**
 * The one place pages get records. `getVisibleRecords()` applies the release rules (src/lib/visibility.ts)
 * once per build; everything site-wide (districts, units, years) is computed from that one list and memoised.
 * Route builders are re-exported from src/lib/routes.ts so pages import everything from here.
 */
import { getCollection } from 'astro:content';
import type { UnitYearRecord } from '../domain/schema/record.ts';
import { isReleased, previewMode, releaseToday } from './visibility.ts';
import { reservedSegments } from './routes.ts';

export * from './routes.ts';

/** One unit (by slug) with its visible records. */
export interface UnitSummary {
  district: string;
  unit: string;
  /** Unit name as written in its latest record. */
  unitName: string;
  /** District name as written in the unit's latest record (slug when no record names it). */
  districtName: string;
  /** Records by ascending year. */
  records: UnitYearRecord[];
  /** The record of the most recent year. */
  latest: UnitYearRecord;
}

/** One district with its units. */
export interface DistrictSummary {
  slug: string;
  /** Name as written (开州区); the slug when no record names it. */
  name: string;
  /** Units sorted by name. */
  units: UnitSummary[];
  /** Number of unit-year records. */
  recordCount: number;
}

/** Everything site-wide, computed once per build. */
export interface SiteData {
  /** True when drafts and embargoed records are shown. */
  preview: boolean;
  /** Visible records sorted by district, unit, year. */
  records: UnitYearRecord[];
  districts: DistrictSummary[];
  /** Years with at least one record, most recent first. */
  years: number[];
}

const collator = new Intl.Collator('zh-CN');

/** True in `astro dev` or with `GONGKAI_PREVIEW=1`. */
export const isPreview = (): boolean => previewMode();

/** The records a build may show: all in preview, else the released ones as of `today`. */
export function selectVisible(
  records: readonly UnitYearRecord[], opts: { preview: boolean; today: string },
): UnitYearRecord[] {
  return opts.preview ? [...records] : records.filter((r) => isReleased(r, opts.today));
}

/** Groups records by unit slug; units sorted by district then unit name, records by year. */
export function groupByUnit(records: readonly UnitYearRecord[]): UnitSummary[] {
  const byKey = new Map<string, UnitYearRecord[]>();
  for (const r of records) {
    const key = `${r.slug.district}/${r.slug.unit}`;
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  const units = [...byKey.values()].map((list): UnitSummary => {
    const sorted = [...list].sort((a, b) => a.identity.year - b.identity.year);
    const latest = sorted[sorted.length - 1]!;
    const named = [...sorted].reverse().find((r) => r.identity.district !== null);
    return {
      district: latest.slug.district,
      unit: latest.slug.unit,
      unitName: latest.identity.unit,
      districtName: named?.identity.district ?? latest.slug.district,
      records: sorted,
      latest,
    };
  });
  return units.sort((a, b) => collator.compare(a.districtName, b.districtName)
    || a.district.localeCompare(b.district) || collator.compare(a.unitName, b.unitName));
}

/** Groups records into districts (sorted by name) with their units. */
export function groupByDistrict(records: readonly UnitYearRecord[]): DistrictSummary[] {
  const districts = new Map<string, DistrictSummary>();
  for (const unit of groupByUnit(records)) {
    let d = districts.get(unit.district);
    if (!d) {
      d = { slug: unit.district, name: unit.districtName, units: [], recordCount: 0 };
      districts.set(unit.district, d);
    }
    d.units.push(unit);
    d.recordCount += unit.records.length;
    if (d.name === d.slug) d.name = unit.districtName;
  }
  return [...districts.values()];
}

/** Distinct years, most recent first. */
export function years(records: readonly UnitYearRecord[]): number[] {
  return [...new Set(records.map((r) => r.identity.year))].sort((a, b) => b - a);
}

/** The most recent record of each unit, most recent year first, then by district and unit name. */
export function latestPerUnit(records: readonly UnitYearRecord[]): UnitYearRecord[] {
  return groupByUnit(records).map((u) => u.latest).sort((a, b) => b.identity.year - a.identity.year);
}

/** Most recent disclosures first: by year, then publication date (undated last), then unit name. */
export function recentRecords(records: readonly UnitYearRecord[], limit: number): UnitYearRecord[] {
  return [...records].sort((a, b) => b.identity.year - a.identity.year
    || (b.identity.publicationDate ?? '').localeCompare(a.identity.publicationDate ?? '')
    || collator.compare(a.identity.unit, b.identity.unit)).slice(0, limit);
}

/** Throws when a district slug would be shadowed by a fixed page (e.g. a district slugged `data`). */
export function assertRoutableSlugs(records: readonly UnitYearRecord[]): void {
  for (const r of records) {
    if (reservedSegments.has(r.slug.district)) {
      throw new Error(`record ${r.id}: district slug "${r.slug.district}" is reserved for a site page`);
    }
  }
}

let memo: Promise<SiteData> | undefined;

/** Site-wide data for this build (memoised: the collection is read and filtered once). */
export function getSiteData(): Promise<SiteData> {
  memo ??= (async () => {
    const preview = isPreview();
    const all = (await getCollection('records')).map((e) => e.data);
    assertRoutableSlugs(all);
    const records = selectVisible(all, { preview, today: releaseToday() });
    const districts = groupByDistrict(records);
    const ordered = districts.flatMap((d) => d.units.flatMap((u) => u.records));
    return { preview, records: ordered, districts, years: years(ordered) };
  })();
  return memo;
}

/** The records this build may show, sorted by district, unit, year. */
export async function getVisibleRecords(): Promise<UnitYearRecord[]> {
  return (await getSiteData()).records;
}
