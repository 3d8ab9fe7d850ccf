/**
 * Cache keys of the record pages for Astro's incremental build (`experimental.incrementalBuild`): a page
 * whose key and code are unchanged since the last build is copied from the cache instead of rendered. A
 * key must change whenever anything the page shows changes, so it digests every input the page reads
 * besides its code and the Astro config (both hashed by Astro itself):
 *
 * its record file, the years of the unit's other records, the record file of the year it compares with, its
 * standing in its district that year (share and rank), the glossary terms linked in its text, and which
 * earlier versions of a corrected disclosure are online.
 * (record.json and the CSVs are written after the build by src/integrations/downloads-writer.ts, not rendered.)
 *
 * The district-scoped pages (a unit across its years; a district's page, feed, open-data page and data
 * package) are keyed by their unit's or district's records (each record file's digest, in the order shown,
 * which also says which records are visible) and the names shown; the district's also by the release date,
 * since its feed lists only what is released that day. After one seed changes, only its district's pages
 * are rendered again. A year's table is keyed by that year's records (a seed of another year leaves it).
 *
 * Preview builds (dev server, `GONGKAI_PREVIEW=1`) return no key: their pages also show the change list
 * against git and the 预览稿 banner, and are always rendered.
 */
import { createHash } from 'node:crypto';
import type { GlossaryLinkTerm } from '../remark/glossary-links.ts';
import { isPreview, recordDigest, type DistrictSummary, type RecordSummary, type UnitSummary } from './records.ts';
import { releaseToday } from '../domain/release.ts';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Digest of the glossary terms the pages link (one per build). */
export function termsDigest(terms: readonly GlossaryLinkTerm[]): string {
  return sha256(JSON.stringify(terms));
}

/** Key of a unit-year page, or undefined in preview. */
export function recordPageKey(
  summary: RecordSummary, others: readonly RecordSummary[], previous: RecordSummary | null, terms: string,
  earlier: readonly RecordSummary[] = [], standing: unknown = null, preview = isPreview(),
): string | undefined {
  if (preview) return undefined;
  return sha256(JSON.stringify([
    'record-page', recordDigest(summary), others.map((r) => r.identity.year), previous && recordDigest(previous), terms,
    earlier.map((r) => r.revision?.version ?? 1), standing,
  ]));
}

/** Key of a record's 原文 page (it shows only the record's own text and names), or undefined in preview. */
export function sourcePageKey(summary: RecordSummary, preview = isPreview()): string | undefined {
  if (preview) return undefined;
  return sha256(JSON.stringify(['source-page', recordDigest(summary)]));
}

/** Key of a unit's page (its records side by side), or undefined in preview. */
export function unitPageKey(unit: UnitSummary, preview = isPreview()): string | undefined {
  if (preview) return undefined;
  return sha256(JSON.stringify(['unit-page', unit.district, unit.unit, unit.unitName, unit.districtName, unit.records.map(recordDigest)]));
}

/** Key of a district's pages (its page, feed, open-data page and data package), or undefined in preview. */
export function districtPagesKey(district: DistrictSummary, today = releaseToday(), preview = isPreview()): string | undefined {
  if (preview) return undefined;
  return sha256(JSON.stringify([
    'district-pages', district.slug, district.name, district.recordCount, today,
    district.units.map((u) => [u.unit, u.unitName, u.districtName, u.records.map(recordDigest)]),
  ]));
}

/** Key of a year's table in one order (it shows only that year's visible records), or undefined in preview. */
export function yearPageKey(year: number, sort: string, records: readonly RecordSummary[], preview = isPreview()): string | undefined {
  if (preview) return undefined;
  return sha256(JSON.stringify(['year-page', year, sort, records.map(recordDigest)]));
}
