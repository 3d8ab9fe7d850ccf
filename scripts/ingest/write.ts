/**
 * Stage 6 — write: records → content/, all or nothing.
 *
 * Everything is written to a fresh sibling folder first; only when every file is in place is the old
 * content/ swapped out by two renames. A crash at any point leaves either the previous content/ or the
 * new one, never a mix. Output is deterministic: files sorted, JSON with a fixed key order.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { UnitYearRecord } from '../../src/domain/schema/record.ts';
import type { GlossaryTerm } from '../../src/domain/schema/glossary-term.ts';
import type { Diagnostic } from './errors.ts';

export interface ContentSet {
  records: UnitYearRecord[];
  glossary: GlossaryTerm[];
  /** Files that could not be ingested, with their diagnostics (published nowhere; for tools and CI). */
  errors: Diagnostic[];
}

/** Relative path of a record's file inside content/. */
export const recordFile = (r: UnitYearRecord): string => join('records', r.slug.district, r.slug.unit, `${r.identity.year}.json`);

const json = (v: unknown): string => `${JSON.stringify(v, null, 1)}\n`;

/** One line per record: what tools need without reading every record (release state, source digest). */
export interface ManifestEntry {
  id: string;
  file: string;
  sha256: string;
  unit: string;
  year: number;
  status: 'draft' | 'published';
  publishAt: string | null;
}

function manifest(records: UnitYearRecord[]): ManifestEntry[] {
  return [...records]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => ({
      id: r.id, file: r.source.file, sha256: r.source.sha256, unit: r.identity.unit, year: r.identity.year,
      status: r.release.status, publishAt: r.release.publishAt,
    }));
}

/** The files of a content set, path → text, in a stable order. */
export function contentFiles(set: ContentSet): [string, string][] {
  const files: [string, string][] = [];
  for (const r of [...set.records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) files.push([recordFile(r), json(r)]);
  files.push(['index.json', json(manifest(set.records))]);
  files.push(['glossary.json', json(set.glossary)]);
  files.push(['errors.json', json(set.errors)]);
  return files;
}

/**
 * Writes content/ atomically. `failAfter` (tests only) throws after that many files to simulate a crash.
 */
export function writeContent(dir: string, set: ContentSet, options: { failAfter?: number } = {}): void {
  recoverInterrupted(dir);
  const stamp = `${process.pid}-${Date.now()}`;
  const tmp = `${dir}.tmp-${stamp}`;
  const old = `${dir}.old-${stamp}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    let n = 0;
    for (const [rel, text] of contentFiles(set)) {
      if (options.failAfter !== undefined && n++ >= options.failAfter) throw new Error('simulated crash while writing content/');
      const path = join(tmp, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
    // README so a reviewer knows what the folder is.
    writeFileSync(join(tmp, 'README.md'), README);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
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
`;
