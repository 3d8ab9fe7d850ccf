/**
 * A record without the parts only its own page reads (document text, sections and the blocks' places in them,
 * attached-table cells, performance-target forms, provenance, duties). Site-wide pages (indexes, year tables, open data,
 * glossary, quality) hold one summary per visible record for the whole build, so a summary must stay small:
 * at province scale (tens of thousands of records) the full records do not fit in the build's memory budget.
 *
 * A full `UnitYearRecord` is assignable to `RecordSummary`, so functions that only need summary fields take
 * a `RecordSummary` and accept either.
 */
import type { UnitYearRecord } from './schema/record.ts';

/** Fields dropped from a summary; read them with `loadRecord()` (src/lib/records.ts) on the record's own page. */
export const HEAVY_FIELDS = ['sections', 'blockSections', 'tables', 'performanceTargets', 'provenance', 'duties', 'source'] as const;
type HeavyField = (typeof HEAVY_FIELDS)[number];

/** What a summary keeps of an attached table: enough to list and link its CSV. */
export interface TableSummary {
  /** As `Table.id` (the CSV file name part). */
  id: string;
  /** As `Table.title`. */
  title: string;
  /** As `Table.kind`. */
  kind: UnitYearRecord['tables'][number]['kind'];
}

/** A record's site-wide part. */
export type RecordSummary = Omit<UnitYearRecord, HeavyField> & {
  /** The source file without its text. */
  source: Omit<UnitYearRecord['source'], 'lines'>;
  /** The attached tables without their rows. */
  tables: TableSummary[];
};

/** The summary of a full record (a new object; the record is not changed). */
export function summarize(record: UnitYearRecord): RecordSummary {
  const { sections: _s, blockSections: _b, tables, performanceTargets: _p, provenance: _v, duties: _d, source, ...rest } = record;
  return {
    ...rest,
    source: { file: source.file, sha256: source.sha256, encoding: source.encoding, ...(source.parts ? { parts: source.parts } : {}) },
    tables: tables.map((t) => ({ id: t.id, title: t.title, kind: t.kind })),
  };
}
