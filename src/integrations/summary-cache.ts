/**
 * Build integration: the record summaries a build read (src/lib/records.ts, `readSummaries`) are kept in Astro's
 * cache folder, so the next build reads only the record files that changed instead of every file in full.
 * Reading every record file (≈ 40 KB of JSON each: document text, tables, provenance) to keep its ≈ 6 KB
 * summary was the largest part of a rebuild that does not depend on what changed (BENCHMARKS.md, "Incremental
 * rebuilds").
 *
 * The cache file holds one line per record file — its absolute path, stat stamp (`fileStamp`: modification time,
 * size, inode), SHA-256 and summary — after a first line with a digest of src/ (the code that makes and checks
 * summaries); another code, or an unreadable file, means no cache. A later line for the same path replaces an
 * earlier one (a summary of null: the file is gone), so a rebuild appends the few lines that changed. A summary is used only while its file's stamp
 * is the one stored: the ingest writes a changed record as a new file and hard-links an unchanged one, so a
 * stamp changes exactly when the bytes may have. Release rules are applied to the summaries at every build
 * (getSiteData), so a cached summary never makes a draft visible. The file is rewritten (atomically) when it
 * holds more stale lines than live ones; a line cut short (a build killed while appending) discards the file.
 * Only `astro build` uses it; `--force` reads every file again.
 */
import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { rememberedSummaries, rememberSummaries, type RecordSummary, type RememberedSummary } from '../lib/records.ts';
import { codeSalt } from '../lib/code-salt.ts';

/** The cache file in Astro's cache folder. */
const FILE = 'gongkai-summaries.jsonl';

/** A line: a summary, or (summary null) a record file that is gone. */
type Line = [file: string, stamp: string, digest: string, summary: RecordSummary | null];

/** What a cache file holds: the live entries by path and the number of lines (live or not). */
export interface SummaryCache {
  entries: Map<string, RememberedSummary>;
  lines: number;
}

/**
 * The entries of a cache file written by this code (a later line for a path replaces an earlier one); empty
 * for another code, no file or a damaged one.
 */
export function readSummaryCache(file: string, salt: string): SummaryCache {
  const none = (): SummaryCache => ({ entries: new Map(), lines: 0 });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return none();
  }
  if (!text.endsWith('\n')) return none(); // cut short while written
  // Line by line, not split: a second copy of a cache of every summary (≈ 160 MB at 20,000 records) is what a
  // build's peak memory would pay for.
  const entries = new Map<string, RememberedSummary>();
  let lines = 0;
  try {
    let at = text.indexOf('\n');
    if ((JSON.parse(text.slice(0, at)) as { salt?: unknown }).salt !== salt) return none();
    for (let next = text.indexOf('\n', at + 1); next !== -1; at = next, next = text.indexOf('\n', at + 1)) {
      const [path, stamp, digest, summary] = JSON.parse(text.slice(at + 1, next)) as Line;
      if (summary === null) entries.delete(path);
      else entries.set(path, { file: path, stamp, digest, summary });
      lines++;
    }
  } catch {
    return none(); // damaged: every record file is read again
  }
  return { entries, lines };
}

/**
 * Brings a cache file from `before` to `entries`: appends a line for each new or changed entry and for each
 * gone one, or rewrites the file (atomically) when it would hold more stale lines than live ones. Returns the
 * number of lines written.
 */
export function writeSummaryCache(file: string, salt: string, entries: readonly RememberedSummary[], before: SummaryCache): number {
  const line = (l: Line): string => `${JSON.stringify(l)}\n`;
  const now = new Set(entries.map((e) => e.file));
  const changed = entries.filter((e) => {
    const old = before.entries.get(e.file);
    return !(old && old.stamp === e.stamp && old.digest === e.digest);
  });
  const gone = [...before.entries.keys()].filter((f) => !now.has(f));
  if (!changed.length && !gone.length) return 0;
  const appended = [...changed.map((e) => line([e.file, e.stamp, e.digest, e.summary])), ...gone.map((f) => line([f, '', '', null]))];
  mkdirSync(dirname(file), { recursive: true });
  if (before.lines > 0 && before.lines + appended.length <= 2 * entries.length) {
    appendFileSync(file, appended.join(''));
    return appended.length;
  }
  // Written a megabyte at a time: the whole file as one string doubled the build's peak memory at 20,000 records.
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    let batch = `${JSON.stringify({ salt })}\n`;
    for (const e of entries) {
      batch += line([e.file, e.stamp, e.digest, e.summary]);
      if (batch.length > 1 << 20) {
        writeSync(fd, batch);
        batch = '';
      }
    }
    writeSync(fd, batch);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return entries.length;
}

export default function summaryCache(): AstroIntegration {
  let file = '';
  let before: SummaryCache = { entries: new Map(), lines: 0 };
  return {
    name: 'gongkai:summary-cache',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        file = join(fileURLToPath(config.cacheDir), FILE);
        before = readSummaryCache(file, codeSalt());
        // `astro build --force` reads every record file again (and rewrites the cache).
        if (!process.argv.includes('--force')) rememberSummaries(before.entries.values());
      },
      'astro:build:done': ({ logger }) => {
        if (!file) return;
        const entries = rememberedSummaries();
        if (!entries.length) return;
        const reused = entries.filter((e) => before.entries.get(e.file)?.stamp === e.stamp).length;
        writeSummaryCache(file, codeSalt(), entries, before);
        logger.info(`${reused} record summaries reused from the last build, ${entries.length - reused} read`);
      },
    },
  };
}
