/**
 * Stage 6 — write: records → content/, all or nothing.
 *
 * Everything is written to a fresh sibling folder first; only when every file is in place is the old
 * content/ swapped out by two renames. A crash at any point leaves either the previous content/ or the
 * new one, never a mix. Output is deterministic: files sorted, JSON with a fixed key order.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';
import type { GlossaryTerm } from '../../../src/domain/schema/glossary-term.ts';
import { recordFile } from '../../../src/domain/record-files.ts';
import { originalContentFile } from '../../../src/domain/originals.ts';
import type { SourcePart } from '../../../src/domain/schema/source-part.ts';
import type { Diagnostic } from '../errors.ts';

export interface ContentSet {
  records: UnitYearRecord[];
  glossary: GlossaryTerm[];
  /** Files that could not be ingested, with their diagnostics (published nowhere; for tools and CI). */
  errors: Diagnostic[];
  /** The records' original files (PDF, Word, web page) to keep in content/originals/ (originalsOf). */
  originals?: OriginalFile[];
}

/** A record's original file as content/ keeps it: `originals/<sha256>.<ext>`, copied from the seed. */
export interface OriginalFile {
  /** Path inside content/ (originalContentFile). */
  rel: string;
  /** The seed file to copy it from. */
  path: string;
  /** The SHA-256 the record states for it: a seed changed since it was parsed is refused. */
  sha256: string;
}

/**
 * The original files of `records` (their `source.parts`), each once, sorted by path; `seedsDir` is the
 * folder the parts' file names are relative to.
 */
export function originalsOf(records: Iterable<{ originals: readonly { file: string; sha256: string; format: SourcePart['format'] }[] }>, seedsDir: string): OriginalFile[] {
  const out = new Map<string, OriginalFile>();
  for (const r of records) {
    for (const p of r.originals) {
      const rel = originalContentFile(p);
      if (!out.has(rel)) out.set(rel, { rel, path: join(seedsDir, p.file), sha256: p.sha256 });
    }
  }
  return [...out.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** The bytes of an original file, checked against the digest its record states. */
export function originalBytes(o: OriginalFile): Buffer {
  const bytes = readFileSync(o.path);
  if (createHash('sha256').update(bytes).digest('hex') !== o.sha256) {
    throw new Error(`${o.path} 在导入过程中被修改，请重新运行`);
  }
  return bytes;
}

/** The text of every JSON file in content/: one-space indent, final newline. */
export const json = (v: unknown): string => `${JSON.stringify(v, null, 1)}\n`;

/** One line per record: what tools need without reading every record (release state, source digest). */
export interface ManifestEntry {
  id: string;
  file: string;
  sha256: string;
  unit: string;
  year: number;
  status: 'draft' | 'published';
  publishAt: string | null;
  /** Re-issues only: the version (2, 3, …); the original disclosure has none. */
  version?: number;
}

/** A record's line of index.json. */
export const manifestEntry = (r: UnitYearRecord): ManifestEntry => ({
  id: r.id, file: r.source.file, sha256: r.source.sha256, unit: r.identity.unit, year: r.identity.year,
  status: r.release.status, publishAt: r.release.publishAt,
  ...(r.revision ? { version: r.revision.version } : {}),
});

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byIdAndVersion = (a: ManifestEntry, b: ManifestEntry): number => byId(a, b) || (a.version ?? 1) - (b.version ?? 1);

/** index.json from its entries (any order). */
export const manifestJson = (entries: readonly ManifestEntry[]): string => json([...entries].sort(byIdAndVersion));

/**
 * The files of a content set, path → text, in a stable order; each text is built only when its turn comes,
 * so that a writer holds one record's JSON at a time.
 */
export function* contentEntries(set: ContentSet): Generator<[string, string]> {
  for (const r of [...set.records].sort((a, b) => byId(a, b) || (a.revision?.version ?? 1) - (b.revision?.version ?? 1))) yield [recordFile(r), json(r)];
  yield ['index.json', manifestJson(set.records.map(manifestEntry))];
  yield ['glossary.json', json(set.glossary)];
  yield ['errors.json', json(set.errors)];
}

/** The files of a content set, path → text, in a stable order. */
export function contentFiles(set: ContentSet): [string, string][] {
  return [...contentEntries(set)];
}

/**
 * Puts `text` at `path` (which must not exist yet). When `previous` is a regular file with exactly these
 * bytes, `path` becomes a hard link to it instead of a copy: the unchanged records of a re-ingest cost a
 * stat, a read and a link. Nothing ever writes into a linked file afterwards (every later write of a path
 * in content/ replaces it: a fresh file, or a rename over it), so the previous folder is never altered.
 * Throws EEXIST when `path` exists (the caller decides what a second file for the same path means).
 */
export function linkOrWrite(path: string, text: string | Uint8Array, previous: string | null): 'linked' | 'written' {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  if (previous !== null) {
    const st = lstatSync(previous, { throwIfNoEntry: false });
    if (st?.isFile() && st.size === bytes.length && bytes.equals(readFileSync(previous))) {
      try {
        linkSync(previous, path);
        return 'linked';
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw e;
        // a file system without hard links, or the link limit: write a copy
      }
    }
  }
  writeFileSync(path, bytes, { flag: 'wx' });
  return 'written';
}

/**
 * A new content/ being put together in a fresh sibling folder (`<dir>.tmp-<pid>-<time>`), swapped in by two
 * renames on `commit()`; `abort()` removes it and leaves the previous content/ as it was. Unchanged files
 * are hard links into the previous content/ (see `linkOrWrite`).
 */
export class ContentWriter {
  readonly dir: string;
  readonly tmp: string;
  private readonly old: string;
  private readonly made = new Set<string>();
  /** Files put so far, and those that are copies rather than links to identical previous files. */
  private files = 0;
  private readonly written = new Set<string>();

  constructor(dir: string) {
    recoverInterrupted(dir);
    const stamp = `${process.pid}-${Date.now()}`;
    this.dir = dir;
    this.tmp = `${dir}.tmp-${stamp}`;
    this.old = `${dir}.old-${stamp}`;
    rmSync(this.tmp, { recursive: true, force: true });
    mkdirSync(this.tmp, { recursive: true });
  }

  /** Creates the folder that will hold `rel` (once per folder). */
  private parentOf(rel: string): string {
    const path = join(this.tmp, rel);
    const parent = dirname(path);
    if (!this.made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      this.made.add(parent);
    }
    return path;
  }

  /** Puts a file that is not there yet (a link when the previous content/ has the same bytes). */
  put(rel: string, text: string | Uint8Array): void {
    this.count(rel, linkOrWrite(this.parentOf(rel), text, join(this.dir, rel)));
  }

  /** Replaces a file put before (by this writer or a worker): never writes into it, which may be a link. */
  replace(rel: string, text: string): void {
    this.remove(rel);
    this.put(rel, text);
  }

  /** Counts a file put directly into `tmp` (by a worker thread). */
  count(rel: string, how: 'linked' | 'written'): void {
    this.files++;
    if (how === 'written') this.written.add(rel);
  }

  /** Removes a file put before. */
  remove(rel: string): void {
    rmSync(join(this.tmp, rel), { force: true });
    this.files--;
    this.written.delete(rel);
  }

  /** True when every file put is a link to an identical previous file and the previous content/ has no others. */
  sameAsPrevious(): boolean {
    this.putReadme();
    return this.written.size === 0 && existsSync(this.dir) && countFiles(this.dir) === this.files;
  }

  /** Swaps the new folder in (README added). */
  commit(): void {
    try {
      this.putReadme();
    } catch (e) {
      this.abort();
      throw e;
    }
    const { dir, tmp, old } = this;
    if (existsSync(dir)) renameSync(dir, old);
    try {
      renameSync(tmp, dir);
    } catch (e) {
      if (existsSync(old)) renameSync(old, dir);
      rmSync(tmp, { recursive: true, force: true });
      throw e;
    }
    rmSync(old, { recursive: true, force: true });
  }

  private readme = false;
  /** README so a reviewer knows what the folder is. */
  private putReadme(): void {
    if (this.readme) return;
    this.put('README.md', README);
    this.readme = true;
  }

  /** Drops the new folder; content/ stays as it was. */
  abort(): void {
    rmSync(this.tmp, { recursive: true, force: true });
  }
}

/** Regular files under `dir`, recursively. */
function countFiles(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n++;
  return n;
}

/**
 * Writes content/ atomically. `failAfter` (tests only) throws after that many files to simulate a crash.
 */
export function writeContent(dir: string, set: ContentSet, options: { failAfter?: number } = {}): void {
  const out = new ContentWriter(dir);
  try {
    let n = 0;
    for (const [rel, text] of contentEntries(set)) {
      if (options.failAfter !== undefined && n++ >= options.failAfter) throw new Error('simulated crash while writing content/');
      out.put(rel, text);
    }
    for (const o of set.originals ?? []) out.put(o.rel, originalBytes(o));
  } catch (e) {
    out.abort();
    throw e;
  }
  out.commit();
}

/**
 * Cleans up after a process killed mid-write: half-written `<dir>.tmp-*` folders are removed, and when the
 * kill fell between the two renames (no `<dir>` but a `<dir>.old-*`), the previous content is put back.
 */
export function recoverInterrupted(dir: string): void {
  const parent = dirname(dir);
  const name = basename(dir);
  const siblings = existsSync(parent) ? readdirSync(parent) : [];
  for (const s of siblings) if (s.startsWith(`${name}.tmp-`)) rmSync(join(parent, s), { recursive: true, force: true });
  const olds = siblings.filter((s) => s.startsWith(`${name}.old-`)).sort();
  if (!existsSync(dir) && olds.length) renameSync(join(parent, olds[olds.length - 1]!), dir);
  for (const s of olds) rmSync(join(parent, s), { recursive: true, force: true });
}

const README = `# content/

Written by \`npm run ingest\` from \`seeds/\`; do not edit by hand. Committed so that every change to a
published figure is a reviewable diff (a test fails when it is stale).

- \`records/<district>/<unit>/<year>.json\` — one record per unit per year (schema: src/domain/schema/record.ts)
- \`index.json\` — one entry per record: id, source file and SHA-256, release status
- \`glossary.json\` — the site-wide glossary (schema: src/domain/schema/glossary-term.ts)
- \`errors.json\` — diagnostics of seed files that could not be ingested
- \`originals/<sha256>.<ext>\` — the PDF, Word and web-page files of the records, as published (the site
  offers each beside its unit-year page, \`original.pdf\`)
`;
