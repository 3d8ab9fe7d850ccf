/**
 * Writes every visible record's downloads into a built site: `record.json` (the bytes of its content/
 * file) and one CSV per table (src/components/record/downloads.ts). `astro build` runs this after the pages
 * (src/integrations/downloads.ts); the dev server serves the same files from the endpoints in
 * src/pages/[district]/[unit]/[year]/. Writing them directly instead of as Astro routes saves Astro's
 * per-route work on ~5 files per record (47,000 at 10,000 records), and reads and parses each record once.
 *
 * The visible set is the manifest's (content/index.json), checked again against each record's own release
 * state: a record that is not released never gets a file in a production build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { UnitYearRecord } from '../domain/schema/record.ts';
import { downloadTables } from '../components/record/downloads.ts';
import { toCsv } from '../lib/csv.ts';
import { contentDir } from '../domain/content-dir.ts';
import { visibleIdsFromManifest } from '../lib/glossary.ts';
import { ContentError, readRecordFile } from '../lib/records.ts';
import { recordJsonPath, tableCsvPath } from '../lib/routes.ts';
import { isReleased, previewMode, releaseToday } from '../domain/release.ts';
import { buildsDistrict } from '../lib/shard-filter.ts';

export interface DownloadsReport {
  records: number;
  files: number;
}

/** Writes the downloads of the visible records of `dir` (content/) into `outDir`. */
export function writeDownloads(outDir: string, dir = contentDir(), opts: { preview?: boolean; today?: string } = {}): DownloadsReport {
  const preview = opts.preview ?? previewMode();
  const today = opts.today ?? releaseToday();
  // In a sharded build, only the records of this job's districts (src/lib/shard-filter.ts).
  const ids = [...visibleIdsFromManifest(dir, preview, today)].filter((id) => buildsDistrict(id.slice(0, id.indexOf('/')))).sort();
  let files = 0;
  const write = (path: string, content: string): void => {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    files++;
  };
  for (const id of ids) {
    const file = join(dir, 'records', `${id}.json`);
    const { text, data } = readRecordFile(file);
    const record = data as UnitYearRecord;
    if (record.id !== id) throw new ContentError(file, `holds record ${record.id}, not ${id}`);
    if (!preview && !isReleased(record, today)) throw new ContentError(file, `is not released, but index.json says it is`);
    write(recordJsonPath(record), text);
    for (const table of downloadTables(record)) write(tableCsvPath(record, table), toCsv(table.rows));
  }
  return { records: ids.length, files };
}
