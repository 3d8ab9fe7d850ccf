/**
 * content/ kept up to date seed by seed, for the dev server (scripts/ingest/run/seed-watcher.ts).
 *
 * `LiveContent.start` runs the streaming ingest once (content/ is swapped only if it was stale) and keeps
 * every seed's summary. `update(paths)` then re-parses only the seeds that changed (or were added), redoes
 * the duplicate and cross-year checks over the summaries, and rewrites in place only the record files whose
 * bytes change — the changed seeds' records and those whose cross-year findings or duplicate status moved
 * (a neighbour year is re-parsed from its seed, never read back from content/) — then glossary.json and
 * errors.json, and index.json last, always (readers watch its mtime). Each file is replaced atomically
 * (temporary file + rename), so a reader sees the old file or the new one, never half of one.
 *
 * The result equals a full ingest of the same seeds, byte for byte (tested).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { SIDECAR_LIKE } from './sidecar.ts';
import { lockContentAsync } from './lock.ts';
import {
  assemble, finalJson, ingestToContentAsync, listSeeds, siteFiles, versionJson,
  type Assembled, type Entry, type StreamOptions, type StreamResult, type SummaryOutcome,
} from './corpus.ts';
import { parseFile, recordWithSlug, summarizeIngested, type IngestSummary } from './parse-file.ts';
import { json, originalBytes, originalsOf } from '../stages/write.ts';
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';
import { contentStamp, noteContentChange } from '../../../src/domain/content-journal.ts';
import { fileStampOr } from '../../../src/domain/file-stamp.ts';

export interface LiveUpdate {
  /** Outcomes of the seeds that were parsed again (for their diagnostics). */
  parsed: SummaryOutcome[];
  /** Paths inside content/ rewritten, and removed. */
  written: string[];
  removed: string[];
}

/** Replaces `path` with `text` atomically; false (and nothing written) when it already holds exactly that. */
function replaceFile(path: string, text: string | Uint8Array, force = false): boolean {
  if (!force && existsSync(path) && readFileSync(path, 'utf8') === text) return false;
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  return true;
}

/** The seed a watched path belongs to: a sidecar `x.txt.meta.yml` (or `.meta.yaml`) → `x.txt`. */
const seedOf = (path: string): string => resolve(path.replace(/\.meta\.ya?ml$/, ''));

export class LiveContent {
  readonly seedsDir: string;
  readonly contentDir: string;
  /** By absolute path. */
  private entries = new Map<string, Entry>();
  private assembled: Assembled;
  private glossaryJson: string;
  /** listSeeds(seedsDir) as of the last update (an edit of a seed already listed does not change it). */
  private files: string[];
  /**
   * The site files (index, glossary, errors) as this process last wrote or found them, with their stat
   * stamp: one whose stamp is unchanged is not read back to compare (glossary.json is megabytes at 10,000).
   */
  private siteWritten = new Map<string, { stamp: string; text: string }>();

  private constructor(seedsDir: string, contentDir: string, result: StreamResult, files: string[]) {
    this.seedsDir = seedsDir;
    this.contentDir = contentDir;
    this.files = files;
    // content/'s site files hold these texts now: the start-up ingest wrote them or found them the same.
    for (const [rel, text] of siteFiles(result, result.glossaryJson)) this.siteWritten.set(rel, { stamp: stampOf(join(contentDir, rel)), text });
    for (const e of result.entries) this.entries.set(resolve(e.path), e);
    this.assembled = result;
    this.glossaryJson = result.glossaryJson;
  }

  /** Ingests `seedsDir` into `contentDir` (left alone when already up to date) and keeps the summaries. */
  static async start(seedsDir: string, contentDir: string, options: StreamOptions = {}): Promise<{ live: LiveContent; result: StreamResult }> {
    const files = listSeeds(seedsDir);
    const result = await ingestToContentAsync(files, seedsDir, contentDir, { onlyIfChanged: true, ...options });
    return { live: new LiveContent(seedsDir, contentDir, result, files), result };
  }

  /**
   * Brings content/ up to date after `paths` (seeds, sidecars, or anything under seeds/) changed, holding
   * content/'s lock (an `npm run ingest` in another terminal waits, and this waits for it).
   */
  async update(paths: Iterable<string>): Promise<LiveUpdate> {
    const release = await lockContentAsync(this.contentDir);
    try {
      return await this.updateLocked(paths);
    } finally {
      release();
    }
  }

  private async updateLocked(paths: Iterable<string>): Promise<LiveUpdate> {
    const from = contentStamp(this.contentDir);
    const changed = new Set([...paths].map(seedOf));
    // Listing seeds/ is ≈ 0.7 s at 10,000 seeds: skipped when every path is a seed file listed before that
    // is still a file (its edit neither adds nor removes a seed; an added or removed path lists again).
    const known = [...paths].every((p) => this.entries.has(resolve(p)) && !SIDECAR_LIKE.test(basename(p)) && isFile(p));
    const files = known ? this.files : listSeeds(this.seedsDir);
    const listed = new Set(files.map((f) => resolve(f)));
    // A sidecar renamed, added or removed, or a seed added or removed, may change which seeds of its folder
    // a misnamed sidecar holds back (readSidecarFor): the whole folder is parsed again.
    const folders = new Set([...paths].map((p) => resolve(p))
      .filter((p) => SIDECAR_LIKE.test(basename(p)) || listed.has(p) !== this.entries.has(p)).map((p) => dirname(p)));
    for (const f of listed) if (folders.has(dirname(f))) changed.add(f);
    const fresh = new Map<string, UnitYearRecord | null>();
    const next = new Map<string, Entry>();
    for (const path of files) {
      const key = resolve(path);
      const old = this.entries.get(key);
      // A folder seed (one disclosure in several files) changed when any file in it did.
      if (old && !changed.has(key) && ![...changed].some((c) => c.startsWith(key + sep))) {
        next.set(key, old);
        continue;
      }
      const o = await parseFile(path, this.seedsDir);
      fresh.set(key, o.record);
      next.set(key, { path, file: o.file, summary: o.record ? summarizeIngested(o.record) : null, diagnostics: o.diagnostics });
    }
    const gone = [...this.entries.keys()].filter((k) => !listed.has(k));
    if (!fresh.size && !gone.length) return { parsed: [], written: [], removed: [] };

    const before = this.assembled;
    const entries = [...next.values()];
    const keys = [...next.keys()];
    const after = assemble(entries);
    // By path in content/: the versions of a re-issued unit-year share an id.
    const wasPublished = new Map(before.published.map((s) => [s.path, s]));
    const isPublished = new Map(after.published.map((s) => [s.path, s]));
    const sameCross = (path: string) => JSON.stringify(before.cross.get(path) ?? []) === JSON.stringify(after.cross.get(path) ?? []);
    const sameVersion = (s: IngestSummary) => JSON.stringify(wasPublished.get(s.path)?.revision) === JSON.stringify(s.revision)
      && wasPublished.get(s.path)?.source === s.source;

    const written: string[] = [];
    const removed: string[] = [];
    for (const [k, o] of after.outcomes.entries()) {
      const s = o.record;
      if (!s) continue;
      const record = fresh.get(keys[k]!);
      if (!record && wasPublished.has(s.path) && sameCross(s.path) && sameVersion(s)) continue;
      // Changed seed, newly published (added, or no longer a duplicate), another version, or other cross-year findings.
      const extra = after.cross.get(s.path) ?? [];
      const text = record ? finalJson(recordWithSlug(structuredClone(record), s.cross.slug), s, extra) : await versionJson(entries[k]!.path, this.seedsDir, s, extra);
      if (replaceFile(join(this.contentDir, s.path), text)) written.push(s.path);
    }
    for (const s of wasPublished.values()) {
      if (isPublished.has(s.path)) continue;
      rmSync(join(this.contentDir, s.path), { force: true });
      pruneEmpty(dirname(join(this.contentDir, s.path)), join(this.contentDir, 'records'));
      removed.push(s.path);
    }
    // Original files (PDF, Word, web page) kept for the published records: new ones copied, unused ones removed.
    const keep = originalsOf(after.published, this.seedsDir);
    const kept = new Set(keep.map((o) => o.rel));
    for (const o of keep) {
      if (existsSync(join(this.contentDir, o.rel))) continue; // named by its digest: same name, same bytes
      replaceFile(join(this.contentDir, o.rel), originalBytes(o), true);
      written.push(o.rel);
    }
    for (const o of originalsOf(before.published, this.seedsDir)) {
      if (kept.has(o.rel)) continue;
      rmSync(join(this.contentDir, o.rel), { force: true });
      pruneEmpty(dirname(join(this.contentDir, o.rel)), this.contentDir);
      removed.push(o.rel);
    }
    // The glossary depends on each published record's terms, 科目 names, unit and year only: rebuilt when
    // one of those changed or a record came or went.
    const glossaryChanged = before.published.length !== after.published.length
      || [...after.comparedPaths].some((p) => !before.comparedPaths.has(p)) || after.published.some((s) => {
      const was = wasPublished.get(s.path);
      return !was || (was !== s && JSON.stringify(was.glossary) !== JSON.stringify(s.glossary));
    });
    const site = siteFiles(after, glossaryChanged ? undefined : this.glossaryJson);
    // index.json last and always: the site re-reads content/ when its mtime changes.
    for (const [rel, text] of site) if (this.replaceSiteFile(rel, text)) written.push(rel);
    // For the site's reader in this process (src/lib/records.ts): which record files this version changed.
    noteContentChange(this.contentDir, { from, to: contentStamp(this.contentDir), written, removed });

    this.files = files;
    this.entries = next;
    this.assembled = after;
    this.glossaryJson = site[0]![1];
    const parsed = after.outcomes.filter((_, k) => fresh.has(keys[k]!));
    return { parsed, written, removed };
  }

  /**
   * replaceFile for a site file; index.json always (readers watch its mtime). A file whose stat stamp is the
   * one this process last saw, with the same text, is left alone without reading it back.
   */
  private replaceSiteFile(rel: string, text: string): boolean {
    const path = join(this.contentDir, rel);
    const last = this.siteWritten.get(rel);
    const force = rel === 'index.json';
    const wrote = force || last?.text !== text || last.stamp !== stampOf(path) ? replaceFile(path, text, force) : false;
    this.siteWritten.set(rel, { stamp: stampOf(path), text });
    return wrote;
  }

  /** Published records' summaries (for tests and logging). */
  get published(): readonly IngestSummary[] {
    return this.assembled.published;
  }
}

/** A file's stat stamp (mtime, size, inode), '' when it cannot be read. */
const stampOf = (path: string): string => fileStampOr(path, '');

/** True when `path` is a file (not a folder, not gone). */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Removes empty folders from `dir` up to (not including) `stop`, as a fresh ingest would not have them. */
function pruneEmpty(dir: string, stop: string): void {
  for (let d = dir; d.startsWith(stop) && d !== stop; d = dirname(d)) {
    if (!existsSync(d) || readdirSync(d).length) return;
    rmdirSync(d);
  }
}
