/**
 * One seed file → its outcome, the unit of work of the ingest. Runs on the main thread or in a worker
 * (parse-worker.ts); either way the same function gives the same result, so scheduling never shows in
 * content/.
 *
 * Besides the full record, a file yields a slim `IngestSummary`: what the checks across files (duplicates,
 * cross-year figures), the glossary, index.json and the CLI's report need. The streaming ingest keeps only
 * summaries in memory and writes each record's JSON as soon as it is parsed.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { readSidecarFor, SIDECAR_LIKE } from './sidecar.ts';
import { lookup, placeRecord, seedKey, stampOf, store, trustedDigests, type KnownDigests, type ParseCache, type ReadSeed, type SeedDigest } from './parse-cache.ts';
import { json, linkOrWrite, manifestEntry, type ManifestEntry } from '../stages/write.ts';
import { recordFile } from '../../../src/domain/record-files.ts';
import type { Diagnostic } from '../errors.ts';
import { districtName, type SlugClaim } from '../../../src/domain/slug.ts';
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';
import type { CrossYearRecord } from '../checks/index.ts';
import type { Revision } from '../../../src/domain/schema/revision.ts';
import type { SourcePart } from '../../../src/domain/schema/source-part.ts';

export interface FileOutcome {
  file: string;
  record: UnitYearRecord | null;
  diagnostics: Diagnostic[];
}

/** lstat, or null when `path` cannot be examined (vanished: reading it reports the problem). */
function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** A diagnostic when `path` (whose lstat is `st`) is a symbolic link (to a file or a folder), else null. */
function symlinkDiagnostic(path: string, file: string, st = lstatOrNull(path)): Diagnostic | null {
  let target: string;
  try {
    if (!st?.isSymbolicLink()) return null;
    target = readlinkSync(path);
  } catch {
    return null; // vanished: reading it reports the problem
  }
  return {
    file, line: 1, kind: 'io',
    message: `是符号链接（指向“${target}”），不会跟随：链接可能指向 seeds/ 以外的文件或形成循环；请把文件或文件夹本身放进 seeds/`,
  };
}

/**
 * Reads one seed (and its sidecar): a file, or a folder whose files are one disclosure (listSeeds). A seed
 * that cannot be read, or whose sidecar is wrong, gives its outcome at once (`done`).
 */
export function readSeed(path: string, baseDir: string, known?: KnownDigests): { done: FileOutcome } | { seed: ReadSeed } {
  const file = relative(process.cwd(), path) || path;
  // Links are never followed: a link could publish a file from outside seeds/, or loop.
  const st = lstatOrNull(path);
  const link = symlinkDiagnostic(path, file, st);
  if (link) return { done: { file, record: null, diagnostics: [link] } };
  const sidecar = readSidecarFor(path);
  if (!sidecar.ok) return { done: { file, record: null, diagnostics: sidecar.diagnostics } };
  const paths = disclosureFiles(path, st);
  const parts: ReadSeed['parts'] = [];
  for (const p of paths) {
    const shown = relative(process.cwd(), p) || p;
    const pst = p === path ? st : lstatOrNull(p);
    const partLink = p === path ? null : symlinkDiagnostic(p, shown, pst);
    if (partLink) return { done: { file, record: null, diagnostics: [partLink] } };
    const part = { file: relative(baseDir, p) || p, shown, path: resolve(p), stamp: pst && stampOf(pst) };
    // A file whose stat is what it was when its digest was taken is not read (only to look in the cache: `known`).
    const digest = known && part.stamp !== null ? known.get(part.path) : undefined;
    if (digest?.stamp === part.stamp) {
      parts.push({ ...part, bytes: null, digest: digest.digest, readAt: 0 });
      continue;
    }
    try {
      const readAt = Date.now();
      parts.push({ ...part, bytes: readFileSync(p), readAt });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      return { done: { file, record: null, diagnostics: [{ file: shown, line: 1, kind: 'io' as const, message: `无法读取文件（${code}）：应为可读取的文件（文本、PDF、Word 或网页）；若是失效的快捷方式或链接，请换成文件本身` }] } };
    }
  }
  if (!parts.length) {
    return { done: { file, record: null, diagnostics: [{ file, line: 1, kind: 'empty', message: '文件夹里没有文件；一个文件夹应存放同一份公开文件的各个文件（正文、表格）' }] } };
  }
  const name = relative(baseDir, path) || path;
  return { seed: { file, name, single: parts.length === 1 && paths[0] === path, parts, sidecar: sidecar.value } };
}

/** Parses a seed read by `readSeed`. */
export async function parseRead(seed: ReadSeed): Promise<FileOutcome> {
  // Loaded on the first parse: an ingest whose seeds all come from the cache never loads the pipeline.
  const { parseDisclosure } = await import('../index.ts');
  const { file, name } = seed;
  if (seed.parts.some((p) => !p.bytes)) throw new Error('parseRead: a seed read only to look in the cache');
  const options = { sidecar: seed.sidecar };
  if (seed.single) {
    // One file: diagnostics name it as the user gave it.
    const { record, diagnostics } = await parseDisclosure([{ file: name, bytes: seed.parts[0]!.bytes! }], name, options);
    return { file, record, diagnostics: diagnostics.map((d) => ({ ...d, file })) };
  }
  const { record, diagnostics } = await parseDisclosure(seed.parts.map((p) => ({ file: p.file, bytes: p.bytes! })), name, options);
  // Each diagnostic names its own file of the folder, as the user gave it.
  const shownOf = new Map(seed.parts.map((p) => [p.file, p.shown]));
  return { file, record, diagnostics: diagnostics.map((d) => ({ ...d, file: shownOf.get(d.file) ?? file })) };
}

/**
 * Reads and parses one seed (and its sidecar): a file, or a folder whose files are one disclosure
 * (listSeeds). `file` in diagnostics is the path as the user gave it.
 */
export async function parseFile(path: string, baseDir: string): Promise<FileOutcome> {
  const read = readSeed(path, baseDir);
  return 'done' in read ? read.done : parseRead(read.seed);
}

/** The files of a seed (whose lstat is `st`): the file itself, or the files of a disclosure folder (sorted; sidecars, hidden files and READMEs are not parts). */
export function disclosureFiles(path: string, st = lstatOrNull(path)): string[] {
  let entries: string[];
  try {
    if (!st?.isDirectory()) return [path];
    entries = readdirSync(path).sort();
  } catch {
    return [path];
  }
  return entries.filter((n) => isSeedName(n)).map((n) => join(path, n)).filter((p) => {
    try {
      return !lstatSync(p).isDirectory();
    } catch {
      return true;
    }
  });
}

/** Names that are not seeds: sidecars, hidden files, READMEs. */
export const isSeedName = (name: string): boolean => !name.startsWith('.') && !SIDECAR_LIKE.test(name) && !/^readme/i.test(name);

type Change = { line: number | null } | null;
const lineOnly = (c: { line: number | null } | null | undefined): Change => (c ? { line: c.line } : null);

/** The fields of a record that `buildGlossary` (src/domain/glossary.ts) reads; table rows cut to the 科目 name. */
export interface GlossaryInput {
  id: string;
  identity: { unit: string; year: number };
  glossary: { term: string; definition: string }[];
  tables: { rows: { code: string; level: string; cells: { text: string }[] }[] }[];
}

/** What the ingest keeps of a parsed record once its JSON is written: enough for duplicates, cross-year checks, the glossary, the manifest and the CLI line (not to be confused with src/domain/record-summary.ts, what pages keep). */
export interface IngestSummary {
  id: string;
  /** Its file inside content/ (recordFile). */
  path: string;
  unit: string;
  year: number;
  /** Line of the unit's name (for the duplicate diagnostic). */
  unitLine: number;
  /** The seed file, relative to seeds/ (`source.file`): what a sidecar's `replaces:` names. */
  source: string;
  /** The sidecar's release state, for the versions of a unit-year (assemble, corpus.ts); `corrected`: it has 更正说明. */
  release: Pick<UnitYearRecord['release'], 'status' | 'publishAt' | 'replaces'> & { corrected: boolean };
  /** Set by assemble on a re-issue (then `path` and `manifest` are the version's). */
  revision?: Revision;
  /** Findings by severity, before the checks across years. */
  findings: { error: number; warning: number; info: number };
  unrecognised: number;
  manifest: ManifestEntry;
  /** The names its slugs stand for, for `resolveSlugs` (src/domain/slug.ts). */
  claim: SlugClaim;
  /** What the checks across years read (checks/cross-year-previous-mismatch.ts). */
  cross: CrossYearRecord;
  glossary: GlossaryInput;
  /** Its original files (PDF, Word, web page: `source.parts`) that content/originals/ keeps; none for a text seed. */
  originals: { file: string; sha256: string; format: SourcePart['format'] }[];
}

export function summarizeIngested(r: UnitYearRecord): IngestSummary {
  const findings = { error: 0, warning: 0, info: 0 };
  for (const f of r.findings) findings[f.severity]++;
  const gba = r.generalBudgetAppropriation;
  return {
    id: r.id,
    path: recordFile(r),
    unit: r.identity.unit,
    year: r.identity.year,
    unitLine: r.provenance['identity.unit'] ?? 1,
    source: r.source.file,
    release: {
      status: r.release.status, publishAt: r.release.publishAt, corrected: r.release.corrections.length > 0,
      ...(r.release.replaces ? { replaces: r.release.replaces } : {}),
    },
    findings,
    unrecognised: r.coverage.unrecognised.length,
    originals: (r.source.parts ?? []).map((p) => ({ file: p.file, sha256: p.sha256, format: p.format })),
    manifest: manifestEntry(r),
    claim: {
      // A department's 部门预算 and its own 单位预算 (same name, same year) are two records: the kind is part
      // of the name a slug stands for, so the second one is told apart (resolveSlugs) instead of a duplicate.
      ...r.slug, districtName: districtName(r.identity.district, r.identity.city),
      unitName: r.identity.budgetKind === 'unitBudget' ? `${r.identity.unit}（单位预算）` : r.identity.unit,
      year: r.identity.year, published: r.release.status === 'published',
    },
    cross: {
      id: r.id, slug: r.slug, identity: { year: r.identity.year }, impliedPreviousYear: r.impliedPreviousYear,
      income: { total: r.income.total, change: lineOnly(r.income.change) },
      expenditure: { total: r.expenditure.total, change: lineOnly(r.expenditure.change) },
      generalBudgetAppropriation: {
        expenditure: gba.expenditure, change: lineOnly(gba.change),
        basic: { amount: gba.basic.amount, change: lineOnly(gba.basic.change) },
        project: { amount: gba.project.amount, change: lineOnly(gba.project.change) },
      },
      threePublic: { total: { amount: r.threePublic.total.amount, change: lineOnly(r.threePublic.total.change) } },
      release: { status: r.release.status, publishAt: r.release.publishAt },
    },
    glossary: {
      id: r.id,
      identity: { unit: r.identity.unit, year: r.identity.year },
      glossary: r.glossary.map((g) => ({ term: g.term, definition: g.definition })),
      // buildGlossary takes the cell after the one holding the code as the 科目 name, skipping empty names.
      tables: [{
        rows: r.tables.flatMap((t) => t.rows.flatMap((row) => {
          if (row.code === null || row.level === null) return [];
          const at = row.cells.findIndex((cell) => cell.text.trim() === row.code);
          const name = at < 0 ? '' : (row.cells[at + 1]?.text.trim() ?? '');
          return name ? [{ code: row.code, level: row.level, cells: [{ text: row.code }, { text: name }] }] : [];
        })),
      }],
    },
  };
}

/** The summary of the same record under other slugs (resolveSlugs): id, file, manifest and checks follow. */
export function withSlug(s: IngestSummary, slug: UnitYearRecord['slug']): IngestSummary {
  if (slug.district === s.cross.slug.district && slug.unit === s.cross.slug.unit) return s;
  const id = `${slug.district}/${slug.unit}/${s.year}`;
  return {
    ...s, id, path: recordFile({ slug, identity: { year: s.year } }), manifest: { ...s.manifest, id },
    cross: { ...s.cross, id, slug }, glossary: { ...s.glossary, id },
  };
}

/** A full record under other slugs (as `withSlug` does for its summary). */
export function recordWithSlug(r: UnitYearRecord, slug: UnitYearRecord['slug']): UnitYearRecord {
  if (slug.district === r.slug.district && slug.unit === r.slug.unit) return r;
  return { ...r, id: `${slug.district}/${slug.unit}/${r.identity.year}`, slug };
}

/** One file to ingest: its index in the file list and its path. */
export interface Job {
  i: number;
  path: string;
}

/**
 * How results come back: `full` sends the record itself (ingestFiles); `stream` writes the record's JSON
 * into the new content folder `tmp` (a hard link when `previous`, the current content/, holds the same
 * bytes) and sends its summary only.
 */
export type JobMode = { kind: 'full'; baseDir: string } | {
  kind: 'stream'; baseDir: string; tmp: string; previous: string;
  /** Outcomes of seeds parsed before, by what they depend on (parse-cache.ts); none: every seed is parsed. */
  cache?: ParseCache;
};

export interface JobResult {
  i: number;
  file: string;
  diagnostics: Diagnostic[];
  /** full mode */
  record?: UnitYearRecord | null;
  /** stream mode */
  summary?: IngestSummary | null;
  /** stream mode: how the record's file got into `tmp`; `exists` when another file had the same record id. */
  put?: 'linked' | 'written' | 'exists';
  /** stream mode: the record file could not be written (disk full, permissions): the whole ingest fails. */
  writeError?: { path: string; code: string; message: string };
  /** stream mode with a cache: the seed's key and its record file's digest (what the run keeps: prune), and whether it was parsed or taken from the cache. */
  cached?: { key: string; record: string | null; hit: boolean; digests?: SeedDigest[]; unread?: true };
}

/** The result of a job that gave no record because of `message`: an `internal` diagnostic at its file's first line. */
export function internalFailure(job: Job, mode: JobMode, message: string): JobResult {
  const file = relative(process.cwd(), job.path) || job.path;
  const diagnostics: Diagnostic[] = [{ file, line: 1, kind: 'internal', message }];
  return mode.kind === 'full' ? { i: job.i, file, diagnostics, record: null } : { i: job.i, file, diagnostics, summary: null };
}

/** Runs one job. Never throws: a bug in the parser becomes an `internal` diagnostic, as in parseDocument. */
export async function runJob(job: Job, mode: JobMode, made: Set<string>): Promise<JobResult> {
  let outcome: FileOutcome;
  let key: string | null = null;
  let seed: ReadSeed | null = null;
  try {
    const read = readSeed(job.path, mode.baseDir);
    if ('done' in read) outcome = read.done;
    else {
      seed = read.seed;
      if (mode.kind === 'stream' && mode.cache) {
        key = seedKey(mode.cache, read.seed);
        const hit = fromCache(job, mode, key, made);
        if (hit) return hit;
      }
      outcome = await parseRead(read.seed);
    }
  } catch (e) {
    return internalFailure(job, mode, `解析器内部错误（请报告此问题）：${e instanceof Error ? e.message : String(e)}`);
  }
  const { file, record, diagnostics } = outcome;
  if (mode.kind === 'full') return { i: job.i, file, diagnostics, record };
  const summary = record && summarizeIngested(record);
  const text = record && json(record);
  const ref = key !== null && mode.cache ? store(mode.cache, key, { file, diagnostics, summary }, text) : null;
  const cached = key !== null && seed ? { key, record: ref?.sha256 ?? null, hit: false, digests: trustedDigests(seed) } : undefined;
  if (!record || !summary || text === null) return { i: job.i, file, diagnostics, summary: null, ...(cached ? { cached } : {}) };
  const target = join(mode.tmp, summary.path);
  const previous = join(mode.previous, summary.path);
  return placed({ i: job.i, file, diagnostics, summary, ...(cached ? { cached } : {}) }, target, made,
    () => (ref && mode.cache && placeRecord(mode.cache, ref, target, previous)) || linkOrWrite(target, text, previous))!;
}

/**
 * The job's result once `place` has put its record file at `target` in the new content folder (its folder made
 * first), or null when `place` could not (a cached copy that does not check out). A file already there is
 * `exists`; a failed write is the result's `writeError`, which fails the whole ingest.
 */
function placed(result: JobResult & { summary: IngestSummary }, target: string, made: Set<string>, place: () => 'linked' | 'written' | null): JobResult | null {
  try {
    const parent = dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    const put = place();
    return put ? { ...result, put } : null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { ...result, put: 'exists' };
    const err = e as NodeJS.ErrnoException;
    const { i, file, diagnostics, summary } = result;
    return { i, file, diagnostics, summary, writeError: { path: err.path ?? target, code: err.code ?? 'EUNKNOWN', message: err.message } };
  }
}

/**
 * The job's result from the cache (its record file linked into the new content folder), or null when the
 * cache has no usable entry for `key`: then the seed is parsed.
 */
function fromCache(job: Job, mode: JobMode & { kind: 'stream'; cache?: ParseCache }, key: string, made: Set<string>): JobResult | null {
  const hit = lookup<IngestSummary>(mode.cache!, key);
  if (!hit) return null;
  const { file, diagnostics, summary } = hit;
  const cached = { key, record: hit.record?.sha256 ?? null, hit: true };
  if (!summary || !hit.record) return summary || hit.record ? null : { i: job.i, file, diagnostics, summary: null, cached };
  const target = join(mode.tmp, summary.path);
  const record = hit.record;
  return placed({ i: job.i, file, diagnostics, summary, cached }, target, made, () => placeRecord(mode.cache!, record, target, join(mode.previous, summary.path)));
}

/**
 * The job's result when it needs no parse (the cache has it, or the seed fails before parsing), else null.
 * Synchronous: the calling thread runs it for every seed before handing the rest to the workers.
 */
export function runCached(job: Job, mode: JobMode & { kind: 'stream' }, made: Set<string>, known?: KnownDigests): JobResult | null {
  if (!mode.cache) return null;
  try {
    const read = readSeed(job.path, mode.baseDir, known);
    if ('done' in read) return { i: job.i, file: read.done.file, diagnostics: read.done.diagnostics, summary: null };
    const key = seedKey(mode.cache, read.seed);
    const r = fromCache(job, mode, key, made);
    const unread = read.seed.parts.every((p) => !p.bytes);
    return r?.cached ? { ...r, cached: { ...r.cached, digests: trustedDigests(read.seed), ...(unread ? { unread } : {}) } } : r;
  } catch {
    return null; // the job reports it
  }
}
