/**
 * Writes every visible record's downloads into a built site: `record.json` (the bytes of its content/
 * file) and one CSV per table (src/components/record/downloads.ts). `astro build` runs this after the pages
 * (src/integrations/downloads.ts); the dev server serves the same files from the endpoints in
 * src/pages/[district]/[unit]/[year]/. Writing them directly instead of as Astro routes saves Astro's
 * per-route work on ~5 files per record (47,000 at 10,000 records), and reads and parses each record once.
 *
 * The visible set is the manifest's (content/index.json), checked again against each record's own release
 * state: a record that is not released never gets a file in a production build.
 *
 * With a cache file (a rebuild into a kept output folder, src/integrations/keep-output.ts): a record whose
 * content file has the same SHA-256 as when its files were last written into this same folder, by the same
 * code (a digest of src/), in the same mode, and whose files are all still there, is not read or written
 * again; its files are declared kept. Its release state is checked again from the cache.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { UnitYearRecord } from '../domain/schema/record.ts';
import { downloadTables } from '../components/record/downloads.ts';
import { toCsv } from '../lib/csv.ts';
import { contentDir } from '../domain/content-dir.ts';
import { visibleIdsFromManifest } from '../lib/glossary.ts';
import { ContentError, readRecordFile, recordFileDigest } from '../lib/records.ts';
import { codeSalt } from '../lib/code-salt.ts';
import { recordJsonPath, tableCsvPath } from '../lib/routes.ts';
import { isReleased, previewMode, releaseToday } from '../domain/release.ts';
import { buildsDistrict } from '../lib/shard-filter.ts';

export interface DownloadsReport {
  records: number;
  files: number;
  /** Records whose files were left in place (unchanged since the last build into this folder). */
  kept: number;
}

/** What a cache file remembers of one record's downloads. */
interface CachedRecord {
  sha: string;
  release: UnitYearRecord['release'];
  files: string[];
}

interface DownloadsCache {
  salt: string;
  outDir: string;
  preview: boolean;
  records: Record<string, CachedRecord>;
}

function readCache(file: string): DownloadsCache | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DownloadsCache;
  } catch {
    return null;
  }
}

/**
 * Writes the downloads of the visible records of `dir` (content/) into `outDir`. With `cache` (a file),
 * the unchanged records' files are left in place and passed to `keep` (see the top of this file). `exists` says
 * whether a file (relative to `outDir`) is in the folder (default: asks the file system).
 */
export function writeDownloads(
  outDir: string, dir = contentDir(),
  opts: { preview?: boolean; today?: string; cache?: string; keep?: (paths: string[]) => void; exists?: (path: string) => boolean } = {},
): DownloadsReport {
  const preview = opts.preview ?? previewMode();
  const today = opts.today ?? releaseToday();
  // In a sharded build, only the records of this job's districts (src/lib/shard-filter.ts).
  const ids = [...visibleIdsFromManifest(dir, preview, today)].filter((id) => buildsDistrict(id.slice(0, id.indexOf('/')))).sort();
  const salt = opts.cache ? codeSalt() : '';
  const exists = opts.exists ?? ((path: string) => existsSync(join(outDir, path)));
  const previous = opts.cache ? readCache(opts.cache) : null;
  const usable = previous?.salt === salt && previous.outDir === outDir && previous.preview === preview ? previous.records : {};
  const next: DownloadsCache = { salt, outDir, preview, records: {} };
  let files = 0;
  let kept = 0;
  let written: string[] = [];
  const write = (path: string, content: string): void => {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    written.push(path.replace(/^\/+/, ''));
    files++;
  };
  for (const id of ids) {
    const file = join(dir, 'records', `${id}.json`);
    let sha = '';
    if (opts.cache) {
      // From the summaries the pages read when the file is unchanged since (src/lib/records.ts).
      sha = recordFileDigest(file);
      const before = usable[id];
      if (before?.sha === sha && (preview || isReleased(before, today)) && before.files.every(exists)) {
        opts.keep?.(before.files);
        next.records[id] = before;
        files += before.files.length;
        kept++;
        continue;
      }
    }
    const { text: read, data } = readRecordFile(file);
    const record = data as UnitYearRecord;
    if (record.id !== id) throw new ContentError(file, `holds record ${record.id}, not ${id}`);
    if (!preview && !isReleased(record, today)) throw new ContentError(file, `is not released, but index.json says it is`);
    written = [];
    write(recordJsonPath(record), read);
    for (const table of downloadTables(record)) write(tableCsvPath(record, table), toCsv(table.rows));
    if (opts.cache) next.records[id] = { sha, release: record.release, files: written };
  }
  if (opts.cache) {
    mkdirSync(dirname(opts.cache), { recursive: true });
    writeFileSync(`${opts.cache}.tmp-${process.pid}`, JSON.stringify(next));
    renameSync(`${opts.cache}.tmp-${process.pid}`, opts.cache);
  }
  return { records: ids.length, files, kept };
}
