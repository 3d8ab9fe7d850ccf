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
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crossYearFindings } from '../stages/validate.ts';
import { ContentWriter, json, manifestJson, type ContentSet } from '../stages/write.ts';
import { IngestError, writeFailure, type Diagnostic } from '../errors.ts';
import { runJobsAsync, runJobsSync, workerCount } from './pool.ts';
import { summarizeIngested, type FileOutcome, type Job, type JobMode, type JobResult, type IngestSummary } from './parse-file.ts';
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';
import type { Finding } from '../../../src/domain/schema/finding.ts';
import { buildGlossary } from '../../../src/domain/glossary.ts';

export type { FileOutcome, IngestSummary } from './parse-file.ts';

export interface IngestOptions {
  /** Worker threads: 0 parses on the calling thread only; default from MIN_FILES_FOR_WORKERS (500) files on: see workerCount (pool.ts). */
  workers?: number;
  /** False: the calling thread only waits for the workers (tests; default true). */
  callerParses?: boolean;
}

/**
 * Seed files under `dir` (recursive), sorted; sidecars, hidden files and READMEs are not seeds. An entry
 * that cannot be examined (a broken link) is still listed, so that reading it yields a diagnosis.
 * Throws IngestError when `dir` itself is not a readable folder.
 */
export function listSeeds(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.') || name.endsWith('.meta.yml') || /^readme/i.test(name)) continue;
      const p = join(d, name);
      let isDir = false;
      try {
        isDir = statSync(p).isDirectory();
      } catch {
        // broken link or vanished file: reading it reports the problem
      }
      if (isDir) walk(p);
      else out.push(p);
    }
  };
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new IngestError(dir, 1, 'io', `找不到存放公开文件的文件夹“${dir}”：应为包含预算公开文本（.txt）的文件夹，默认是 seeds/`);
  }
  walk(dir);
  return out;
}

/** Parses every seed; returns per-file outcomes and the content set to write. */
export function ingestFiles(files: string[], baseDir: string, options: IngestOptions = {}): { outcomes: FileOutcome[]; content: ContentSet } {
  const outcomes: FileOutcome[] = new Array<FileOutcome>(files.length);
  runJobsSync(jobsOf(files), { kind: 'full', baseDir }, workerCount(files.length, options.workers, options.callerParses ?? true), (r) => {
    outcomes[r.i] = { file: r.file, record: r.record ?? null, diagnostics: r.diagnostics };
  }, options.callerParses ?? true);

  // Duplicates and cross-year checks: the same ones the streaming ingest runs (assemble), on summaries.
  const a = assemble(outcomes.map((o, k) => ({
    path: files[k]!, file: o.file, summary: o.record && summarizeIngested(o.record), diagnostics: o.diagnostics,
  })));
  a.outcomes.forEach((checked, k) => {
    const o = outcomes[k]!;
    if (!checked.record) o.record = null;
    o.diagnostics = checked.diagnostics;
  });
  const records = outcomes.map((o) => o.record).filter((r): r is UnitYearRecord => r !== null);
  for (const r of records) {
    const extra = a.cross.get(r.id);
    if (extra) r.findings.push(...extra);
  }
  return { outcomes, content: { records, glossary: buildGlossary(records), errors: a.errors } };
}

const jobsOf = (files: string[]): Job[] => files.map((path, i) => ({ i, path }));

function duplicateDiagnostic(file: string, line: number, unit: string, year: number, group: { file: string }[]): Diagnostic {
  const names = group.map((g) => g.file).join('、');
  return {
    file, line, kind: 'duplicate-record',
    message: `${unit} ${year}年的公开文件重复：${names}；同一单位同一年只能有一份，请删除或更正其中之一`,
  };
}

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
  /** Findings the checks across years add to a record, by id (appended after its own). */
  cross: Map<string, Finding[]>;
  errors: Diagnostic[];
}

/** Duplicates and cross-year checks over `entries` (in file order); `entries` are not modified. */
export function assemble(entries: readonly Entry[]): Assembled {
  const byId = new Map<string, Entry[]>();
  for (const e of entries) if (e.summary) byId.set(e.summary.id, [...(byId.get(e.summary.id) ?? []), e]);
  const outcomes: SummaryOutcome[] = entries.map((e) => {
    const s = e.summary;
    const group = s ? byId.get(s.id)! : [];
    if (!s || group.length < 2) return { file: e.file, record: s, diagnostics: e.diagnostics };
    return { file: e.file, record: null, diagnostics: [...e.diagnostics, duplicateDiagnostic(e.file, s.unitLine, s.unit, s.year, group)] };
  });
  const kept = outcomes.map((o) => o.record).filter((r): r is IngestSummary => r !== null);
  const cross = crossYearFindings(kept.map((s) => s.cross) as unknown as UnitYearRecord[]);
  for (const o of outcomes) {
    const extra = o.record && cross.get(o.record.id);
    if (extra) o.record = { ...o.record!, findings: { ...o.record!.findings, warning: o.record!.findings.warning + extra.length } };
  }
  const published = outcomes.map((o) => o.record).filter((r): r is IngestSummary => r !== null);
  const errors = outcomes.flatMap((o) => (o.record ? [] : o.diagnostics));
  return { outcomes, published, cross, errors };
}

/** A record's JSON with the findings of the checks across years appended (as ingestFiles does). */
export function withCrossYear(text: string, extra: readonly Finding[]): string {
  const r = JSON.parse(text) as UnitYearRecord;
  r.findings.push(...extra);
  return json(r);
}

/** The glossary from summaries (buildGlossary reads only what GlossaryInput keeps). */
export const glossaryOf = (published: readonly IngestSummary[]) =>
  buildGlossary(published.map((s) => s.glossary) as unknown as UnitYearRecord[]);

/**
 * content/ files that are not records: glossary.json, errors.json, index.json. `glossaryJson`, when given,
 * is the glossary's text already known to be current (building it costs ~1 s at 10,000 records).
 */
export function siteFiles(a: Assembled, glossaryJson?: string): [string, string][] {
  return [
    ['glossary.json', glossaryJson ?? json(glossaryOf(a.published))],
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
}

export interface StreamOptions extends IngestOptions {
  /** Leave content/ untouched (no swap) when the new one would be identical, byte for byte. */
  onlyIfChanged?: boolean;
}

function startStream(files: string[], baseDir: string, contentDir: string): { out: ContentWriter; mode: JobMode; entries: Entry[]; collect: (r: JobResult) => void } {
  let out: ContentWriter;
  try {
    out = new ContentWriter(contentDir);
  } catch (e) {
    throw writeFailure(e, contentDir);
  }
  const entries = new Array<Entry>(files.length);
  const collect = (r: JobResult): void => {
    if (r.writeError) throw writeFailure(Object.assign(new Error(r.writeError.message), r.writeError), contentDir);
    if (r.summary && (r.put === 'linked' || r.put === 'written')) out.count(r.summary.path, r.put);
    entries[r.i] = { path: files[r.i]!, file: r.file, summary: r.summary ?? null, diagnostics: r.diagnostics };
  };
  return { out, mode: { kind: 'stream', baseDir, tmp: out.tmp, previous: contentDir }, entries, collect };
}

function finishStream(out: ContentWriter, entries: Entry[], options: StreamOptions): StreamResult {
  const a = assemble(entries);
  // Duplicates: one of the files with that id got its JSON in first; none is published.
  const removed = new Set<string>();
  for (const [k, o] of a.outcomes.entries()) {
    const s = entries[k]!.summary;
    if (s && !o.record && !removed.has(s.path)) {
      out.remove(s.path);
      removed.add(s.path);
    }
  }
  for (const s of a.published) {
    const extra = a.cross.get(s.id);
    if (extra) out.replace(s.path, withCrossYear(readFileSync(join(out.tmp, s.path), 'utf8'), extra));
  }
  const site = siteFiles(a);
  for (const [rel, text] of site) out.put(rel, text);
  let changed = true;
  if (options.onlyIfChanged && out.sameAsPrevious()) {
    out.abort();
    changed = false;
  } else out.commit();
  return { ...a, entries, changed, glossaryJson: site[0]![1] };
}

/**
 * Ingests `files` into `contentDir`, streaming (see the top of this file): all or nothing, like
 * writeContent, and the same bytes as `writeContent(contentDir, ingestFiles(files, baseDir).content)`.
 */
export function ingestToContent(files: string[], baseDir: string, contentDir: string, options: StreamOptions = {}): StreamResult {
  const { out, mode, entries, collect } = startStream(files, baseDir, contentDir);
  try {
    const callerParses = options.callerParses ?? true;
    runJobsSync(jobsOf(files), mode, workerCount(files.length, options.workers, callerParses), collect, callerParses);
    return finishStream(out, entries, options);
  } catch (e) {
    out.abort();
    throw writeFailure(e, contentDir);
  }
}

/** `ingestToContent` without blocking the event loop (the dev server). */
export async function ingestToContentAsync(files: string[], baseDir: string, contentDir: string, options: StreamOptions = {}): Promise<StreamResult> {
  const { out, mode, entries, collect } = startStream(files, baseDir, contentDir);
  try {
    await runJobsAsync(jobsOf(files), mode, workerCount(files.length, options.workers, false), collect);
    return finishStream(out, entries, options);
  } catch (e) {
    out.abort();
    throw writeFailure(e, contentDir);
  }
}

/** Ingests `seedsDir` into `contentDir` (streaming). */
export function ingest(seedsDir: string, contentDir: string, options: StreamOptions = {}): StreamResult {
  return ingestToContent(listSeeds(seedsDir), seedsDir, contentDir, options);
}
