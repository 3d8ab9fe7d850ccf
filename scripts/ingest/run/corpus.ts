/**
 * Ingest of a whole seeds/ folder: every file parsed, duplicates and cross-year checks across files,
 * glossary built, content/ written atomically. Used by `npm run ingest`, `check`, the dev-server watcher
 * and the benchmark.
 *
 * Two forms:
 * - `ingestFiles` returns every full record (for `check`, `diff` and tests); `writeContent` writes them.
 * - `ingestToContent` / `ingest` stream: each record's JSON is written into the new content folder as soon
 *   as it is parsed (by the worker thread that parsed it) and only a slim summary is kept, so memory does not
 *   grow with the records' size; the records that the checks across files change are re-written after.
 * Both parse on worker threads from MIN_FILES_FOR_WORKERS files on, and both give the same content/, byte
 * for byte, as a single-threaded run, whatever the scheduling.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crossYearFindings } from '../checks/index.ts';
import { ContentWriter, json, manifestJson, originalBytes, originalsOf, type ContentSet } from '../stages/write.ts';
import { recordFile } from '../../../src/domain/record-files.ts';
import { resolveVersions, type Member } from './versions.ts';
import { IngestError, writeFailure, type Diagnostic } from '../errors.ts';
import { runJobs, runJobsAsync, workerCount } from './pool.ts';
import { derivedText, loadDigests, prune, saveDigests, type ParseCache, type SeedDigest } from './parse-cache.ts';
import { isSeedName, parseFile, recordWithSlug, runCached, summarizeIngested, withSlug, type FileOutcome, type Job, type JobMode, type JobResult, type IngestSummary } from './parse-file.ts';
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';
import type { Finding } from '../../../src/domain/schema/finding.ts';
import { buildGlossary } from '../../../src/domain/glossary.ts';
import { resolveSlugs } from '../../../src/domain/slug.ts';
import { SIDECAR_LIKE } from './sidecar.ts';
import { lockContent, lockContentAsync, type LockOptions } from './lock.ts';

export type { FileOutcome, IngestSummary } from './parse-file.ts';

export interface IngestOptions {
  /** Worker threads: 0 parses on the calling thread only; default from MIN_FILES_FOR_WORKERS (500) files on: see workerCount (pool.ts). */
  workers?: number;
  /** False: the calling thread only waits for the workers (tests; default true). */
  callerParses?: boolean;
}

/**
 * Seeds under `dir`, sorted: every file of `dir`, and every folder below it that holds files — such a
 * folder is ONE disclosure published as several files (its text and its tables, say), parsed together; a
 * folder that holds only folders is walked into. Sidecars (however misspelt: SIDECAR_LIKE), hidden files and
 * READMEs are not seeds. Symbolic links are listed, never followed (a link to a folder is not walked, so a
 * loop cannot hang the walk): reading one yields a diagnosis, as does an entry that cannot be examined.
 * Throws IngestError when `dir` itself is not a readable folder.
 */
export function listSeeds(dir: string): string[] {
  const out: string[] = [];
  const isDir = (p: string): boolean => {
    try {
      return lstatSync(p).isDirectory(); // lstat: a link to a folder is not a folder here (never followed)
    } catch {
      return false; // vanished file: reading it reports the problem
    }
  };
  const walk = (d: string, top: boolean) => {
    const entries = readdirSync(d).sort().filter((name) => isSeedName(name) && !SIDECAR_LIKE.test(name)).map((name) => join(d, name));
    const folders = entries.filter(isDir);
    if (!top && folders.length < entries.length) {
      out.push(d);
      return;
    }
    for (const p of entries) {
      if (folders.includes(p)) walk(p, false);
      else out.push(p);
    }
  };
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new IngestError(dir, 1, 'io', `找不到存放公开文件的文件夹“${dir}”：应为包含预算公开文件（文本、PDF、Word 或网页）的文件夹，默认是 seeds/`);
  }
  walk(dir, true);
  return out;
}

/** Parses every seed; returns per-file outcomes and the content set to write. */
export async function ingestFiles(files: string[], baseDir: string, options: IngestOptions = {}): Promise<{ outcomes: FileOutcome[]; content: ContentSet }> {
  const outcomes: FileOutcome[] = new Array<FileOutcome>(files.length);
  await runJobs(jobsOf(files), { kind: 'full', baseDir }, workerCount(files.length, options.workers, options.callerParses ?? true), (r) => {
    outcomes[r.i] = { file: r.file, record: r.record ?? null, diagnostics: r.diagnostics };
  }, options.callerParses ?? true);

  // Duplicates and cross-year checks: the same ones the streaming ingest runs (assemble), on summaries.
  const a = assemble(outcomes.map((o, k) => ({
    path: files[k]!, file: o.file, summary: o.record && summarizeIngested(o.record), diagnostics: o.diagnostics,
  })));
  a.outcomes.forEach((checked, k) => {
    const o = outcomes[k]!;
    if (!checked.record) o.record = null;
    else {
      o.record = recordWithSlug(o.record!, checked.record.cross.slug);
      if (checked.record.revision) o.record.revision = checked.record.revision;
    }
    o.diagnostics = checked.diagnostics;
  });
  const records = outcomes.map((o) => o.record).filter((r): r is UnitYearRecord => r !== null);
  for (const r of records) {
    const extra = a.cross.get(recordFile(r));
    if (extra) r.findings.push(...extra);
  }
  const glossary = buildGlossary(records.filter((r) => a.comparedPaths.has(recordFile(r))));
  return { outcomes, content: { records, glossary, errors: a.errors, originals: originalsOf(a.published, baseDir) } };
}

const jobsOf = (files: string[]): Job[] => files.map((path, i) => ({ i, path }));

/** One seed as the streaming ingest keeps it: its summary (null: no record) and its own diagnostics. */
export interface Entry {
  /** The path as listed (listSeeds). */
  path: string;
  file: string;
  summary: IngestSummary | null;
  diagnostics: Diagnostic[];
}

/** A file's outcome in the streaming ingest: `record` is null when nothing is published for the file. */
export interface SummaryOutcome {
  file: string;
  /** With `findings` counted after the checks across years. */
  record: IngestSummary | null;
  diagnostics: Diagnostic[];
}

/** The checks across files, on summaries: what content/ holds besides each record's own JSON. */
export interface Assembled {
  outcomes: SummaryOutcome[];
  /** The records published, in file order. */
  published: IngestSummary[];
  /** Findings the checks across years add to a record, by its path in content/ (appended after its own). */
  cross: Map<string, Finding[]>;
  errors: Diagnostic[];
  /** Paths of the records compared across years and listed in the glossary: one version per unit-year (comparedVersion). */
  comparedPaths: Set<string>;
  /** Each entry's summary under its final slugs (resolveSlugs; null: no record), before versions. */
  slugged: (IngestSummary | null)[];
}

/**
 * Versions and cross-year checks over `entries` (in file order); `entries` are not modified. Seeds of one
 * unit-year are published together only as versions of it (versions.ts): a re-issue's summary gets its
 * `revision` and its own `path`; any other group of seeds of one unit-year is published nowhere.
 * First, names that share a pinyin slug are told apart (resolveSlugs: 正务/政务, 宁波市/重庆市江北区), so
 * different units are never versions of one another, nor compared across years.
 */
export function assemble(entries: readonly Entry[]): Assembled {
  const parsed = entries.flatMap((e, k) => (e.summary ? [k] : []));
  const slugs = resolveSlugs(parsed.map((k) => entries[k]!.summary!.claim));
  const slugged: (IngestSummary | null)[] = entries.map(() => null);
  parsed.forEach((k, j) => { slugged[k] = withSlug(entries[k]!.summary!, slugs[j]!); });
  const byId = new Map<string, Member[]>();
  entries.forEach((e, k) => {
    const s = slugged[k];
    if (s) byId.set(s.id, [...(byId.get(s.id) ?? []), { k, file: e.file, summary: s }]);
  });
  const kept: (IngestSummary | null)[] = [...slugged];
  const rejected = new Map<number, Diagnostic>();
  /** Per unit-year, the version other records are compared with (see `comparedVersion`). */
  const compared = new Map<string, number>();
  for (const [id, members] of byId) {
    if (members.length === 1) {
      compared.set(id, members[0]!.k);
      continue;
    }
    const v = resolveVersions(members);
    for (const [k, d] of v.rejected) {
      rejected.set(k, d);
      kept[k] = null;
    }
    v.order.forEach((k, i) => {
      if (i === 0) return;
      const s = slugged[k]!;
      const revision = { version: i + 1, replaces: slugged[v.order[i - 1]!]!.source };
      kept[k] = { ...s, revision, path: recordFile({ slug: s.cross.slug, identity: { year: s.year }, revision }), manifest: { ...s.manifest, version: i + 1 } };
    });
    if (v.order.length) compared.set(id, comparedVersion(v.order.map((k) => kept[k]!), v.order));
  }
  const outcomes: SummaryOutcome[] = entries.map((e, k) => ({
    file: e.file, record: kept[k]!, diagnostics: rejected.has(k) ? [...e.diagnostics, rejected.get(k)!] : e.diagnostics,
  }));

  // Cross-year: every version is checked against the compared version of the other years.
  const others = [...compared.values()].map((k) => kept[k]!);
  const cross = new Map<string, Finding[]>();
  const found = crossYearFindings(others.map((s) => s.cross));
  for (const s of others) if (found.has(s.id)) cross.set(s.path, found.get(s.id)!);
  const comparedSet = new Set(compared.values());
  kept.forEach((s, k) => {
    if (!s || comparedSet.has(k)) return;
    const own = crossYearFindings([s.cross, ...others.filter((o) => o.id !== s.id).map((o) => o.cross)]).get(s.id);
    if (own) cross.set(s.path, own);
  });
  for (const o of outcomes) {
    const extra = o.record && cross.get(o.record.path);
    if (extra) o.record = { ...o.record!, findings: { ...o.record!.findings, warning: o.record!.findings.warning + extra.length } };
  }
  const published = outcomes.map((o) => o.record).filter((r): r is IngestSummary => r !== null);
  const errors = outcomes.flatMap((o) => (o.record ? [] : o.diagnostics));
  return { outcomes, published, cross, errors, comparedPaths: new Set([...comparedSet].map((k) => kept[k]!.path)), slugged };
}

/**
 * The version of a unit-year that other records are compared with, and whose terms the glossary lists: the
 * latest published without embargo, else the original. Never a draft correction: its figures and wording
 * would reach pages where the published version is shown.
 */
function comparedVersion(versions: readonly IngestSummary[], order: readonly number[]): number {
  for (let i = versions.length - 1; i > 0; i--) {
    const r = versions[i]!.release;
    if (r.status === 'published' && r.publishAt === null) return order[i]!;
  }
  return order[0]!;
}

/** A record's JSON with the findings of the checks across years appended (as ingestFiles does). */
export function withCrossYear(text: string, extra: readonly Finding[]): string {
  const r = JSON.parse(text) as UnitYearRecord;
  r.findings.push(...extra);
  return json(r);
}

/** The glossary from summaries (buildGlossary reads only what GlossaryInput keeps). */
export const glossaryOf = (a: Pick<Assembled, 'published' | 'comparedPaths'>) =>
  buildGlossary(a.published.filter((s) => a.comparedPaths.has(s.path)).map((s) => s.glossary) as unknown as UnitYearRecord[]);

/**
 * content/ files that are not records: glossary.json, errors.json, index.json. `glossaryJson`, when given,
 * is the glossary's text already known to be current (building it again costs time at province scale: BENCHMARKS.md).
 */
export function siteFiles(a: Assembled, glossaryJson?: string): [string, string][] {
  return [
    ['glossary.json', glossaryJson ?? json(glossaryOf(a))],
    ['errors.json', json(a.errors)],
    ['index.json', manifestJson(a.published.map((s) => s.manifest))],
  ];
}

export interface StreamResult extends Assembled {
  /** Every seed listed, in order, before the checks across files (the dev-server watcher keeps them). */
  entries: Entry[];
  /** False when `onlyIfChanged` found content/ already identical and left it alone. */
  changed: boolean;
  /** The text of glossary.json. */
  glossaryJson: string;
  /**
   * With a parse cache: how many seeds were taken from it, which were parsed (their files as shown), and of
   * those taken how many were not even read (every file's stat as when its digest was taken).
   */
  cache: { hits: number; parsed: string[]; unread: number } | null;
}

export interface StreamOptions extends IngestOptions {
  /** Leave content/ untouched (no swap) when the new one would be identical, byte for byte. */
  onlyIfChanged?: boolean;
  /** Waiting for another writer of content/ (lock.ts). */
  lock?: LockOptions;
  /** Take unchanged seeds' outcomes from this parse cache instead of parsing them (parse-cache.ts); the command line's default. */
  cache?: ParseCache | null;
}

function startStream(files: string[], baseDir: string, contentDir: string, cache: ParseCache | null): { out: ContentWriter; mode: JobMode & { kind: 'stream' }; entries: Entry[]; collect: (r: JobResult) => void; used: Used } {
  let out: ContentWriter;
  try {
    out = new ContentWriter(contentDir);
  } catch (e) {
    throw writeFailure(e, contentDir);
  }
  const entries = new Array<Entry>(files.length);
  const used: Used = { keys: new Set(), records: new Set(), recordOf: [], digests: [], hits: 0, unread: 0, parsed: [], before: true };
  const collect = (r: JobResult): void => {
    if (r.writeError) throw writeFailure(Object.assign(new Error(r.writeError.message), r.writeError), contentDir);
    if (r.cached) {
      used.keys.add(r.cached.key);
      if (r.cached.record) used.records.add(r.cached.record);
      used.recordOf[r.i] = r.cached.record;
      if (r.cached.digests) used.digests.push(...r.cached.digests);
      if (r.cached.hit) used.hits++;
      if (r.cached.unread) used.unread++;
    }
    if (!used.before && !r.cached?.hit) used.parsed.push(r.file);
    if (r.summary && (r.put === 'linked' || r.put === 'written')) out.count(r.summary.path, r.put);
    entries[r.i] = { path: files[r.i]!, file: r.file, summary: r.summary ?? null, diagnostics: r.diagnostics };
  };
  return { out, mode: { kind: 'stream', baseDir, tmp: out.tmp, previous: contentDir, ...(cache ? { cache } : {}) }, entries, collect, used };
}

/** What a run used of the parse cache. */
interface Used {
  keys: Set<string>;
  records: Set<string>;
  /** By seed: its record file in the cache (its JSON's SHA-256). */
  recordOf: (string | null)[];
  /** The seed files' digests to keep for the next run. */
  digests: SeedDigest[];
  hits: number;
  /** Seeds taken from the cache without reading their files. */
  unread: number;
  parsed: string[];
  /** True while the calling thread looks in the cache (what it finds is not parsed). */
  before: boolean;
}

async function finishStream(out: ContentWriter, entries: Entry[], baseDir: string, options: StreamOptions, glossaryFor?: (a: Assembled) => string): Promise<StreamResult> {
  const a = assemble(entries);
  // The workers wrote each record under the slugs it was parsed with, the first of several seeds with one
  // path getting in. Written again below (re-issues at their version's path, renamed records under their
  // final slugs) or not at all (rejected duplicates): every seed whose path was shared or whose slugs changed.
  const shared = new Map<string, number>();
  for (const e of entries) if (e.summary) shared.set(e.summary.path, (shared.get(e.summary.path) ?? 0) + 1);
  const stale = new Set<string>();
  entries.forEach((e, k) => {
    if (e.summary && (shared.get(e.summary.path)! > 1 || a.slugged[k]!.path !== e.summary.path)) stale.add(e.summary.path);
  });
  for (const path of [...stale].sort()) if (existsSync(join(out.tmp, path))) out.remove(path);
  for (const [k, o] of a.outcomes.entries()) {
    const s = o.record;
    if (!s) continue;
    const extra = a.cross.get(s.path) ?? [];
    if (stale.has(entries[k]!.summary!.path)) out.put(s.path, await versionJson(entries[k]!.path, baseDir, s, extra));
    else if (extra.length) out.replace(s.path, withCrossYear(readFileSync(join(out.tmp, s.path), 'utf8'), extra));
  }
  for (const o of originalsOf(a.published, baseDir)) out.put(o.rel, originalBytes(o));
  const site = siteFiles(a, glossaryFor?.(a));
  for (const [rel, text] of site) out.put(rel, text);
  let changed = true;
  if (options.onlyIfChanged && out.sameAsPrevious()) {
    out.abort();
    changed = false;
  } else out.commit();
  return { ...a, entries, changed, glossaryJson: site[0]![1], cache: null };
}

/**
 * The JSON of one version of a unit-year with several seeds, parsed again (such seeds are rare; their
 * records are not kept while the rest stream), with its revision and cross-year findings.
 */
export async function versionJson(path: string, baseDir: string, s: IngestSummary, extra: readonly Finding[]): Promise<string> {
  const o = await parseFile(path, baseDir);
  const record = o.record && recordWithSlug(o.record, s.cross.slug);
  if (!record || record.id !== s.id) throw new Error(`${o.file} 在导入过程中被修改，请重新运行`);
  return finalJson(record, s, extra);
}

/** A freshly parsed record's JSON as content/ holds it: with its revision and cross-year findings (`record` is changed). */
export function finalJson(record: UnitYearRecord, s: IngestSummary, extra: readonly Finding[]): string {
  if (s.revision) record.revision = s.revision;
  record.findings.push(...extra);
  return json(record);
}

/**
 * Ingests `files` into `contentDir`, streaming (see the top of this file): all or nothing, like
 * writeContent, and the same bytes as `writeContent(contentDir, ingestFiles(files, baseDir).content)`.
 * `blocking` (the command line): waits for another writer's lock blocking, and the calling thread parses
 * too unless `callerParses: false`; otherwise (the dev server) neither blocks the event loop.
 */
async function ingestStreaming(files: string[], baseDir: string, contentDir: string, options: StreamOptions, blocking: boolean): Promise<StreamResult> {
  let release: () => void;
  try {
    release = blocking ? lockContent(contentDir, options.lock) : await lockContentAsync(contentDir, options.lock);
  } catch (e) {
    throw writeFailure(e, contentDir);
  }
  try {
    const cache = options.cache ?? null;
    const { out, mode, entries, collect, used } = startStream(files, baseDir, contentDir, cache);
    try {
      // Seeds the cache has (or that fail before parsing) are done on the calling thread; the rest are parsed.
      const made = new Set<string>();
      const known = cache ? loadDigests(cache) : undefined;
      const jobs = jobsOf(files).filter((j) => {
        const r = runCached(j, mode, made, known);
        if (r) collect(r);
        return !r;
      });
      used.before = false;
      const callerParses = blocking && (options.callerParses ?? true);
      const workers = workerCount(jobs.length, options.workers, callerParses);
      await (blocking ? runJobs(jobs, mode, workers, collect, callerParses) : runJobsAsync(jobs, mode, workers, collect));
      const result = await finishStream(out, entries, mode.baseDir, options, cache ? (a) => cachedGlossary(cache, a, used.recordOf) : undefined);
      if (!cache) return result;
      prune(cache, used.keys, used.records);
      saveDigests(cache, used.digests);
      return { ...result, cache: { hits: used.hits, parsed: used.parsed, unread: used.unread } };
    } catch (e) {
      out.abort();
      throw writeFailure(e, contentDir);
    }
  } finally {
    release();
  }
}

/**
 * glossary.json from the cache when the records it is built from (the compared versions: their paths and
 * record files) are those of the run that stored it; building it reads every record's terms and 科目 names
 * (≈ 0.15 ms per record).
 */
function cachedGlossary(cache: ParseCache, a: Assembled, recordOf: readonly (string | null)[]): string {
  const inputs: string[] = [];
  a.outcomes.forEach((o, k) => {
    if (o.record && a.comparedPaths.has(o.record.path)) inputs.push(`${o.record.path} ${recordOf[k] ?? 'none'}`);
  });
  if (inputs.some((i) => i.endsWith(' none'))) return json(glossaryOf(a));
  return derivedText(cache, 'glossary', inputs.sort().join('\n'), () => json(glossaryOf(a)));
}

/** Ingests `files` into `contentDir` (see ingestStreaming), the command line's way. */
export const ingestToContent = (files: string[], baseDir: string, contentDir: string, options: StreamOptions = {}): Promise<StreamResult> =>
  ingestStreaming(files, baseDir, contentDir, options, true);

/** `ingestToContent` without blocking the event loop (the dev server). */
export const ingestToContentAsync = (files: string[], baseDir: string, contentDir: string, options: StreamOptions = {}): Promise<StreamResult> =>
  ingestStreaming(files, baseDir, contentDir, options, false);

/** Ingests `seedsDir` into `contentDir` (streaming). */
export function ingest(seedsDir: string, contentDir: string, options: StreamOptions = {}): Promise<StreamResult> {
  return ingestToContent(listSeeds(seedsDir), seedsDir, contentDir, options);
}
