/**
 * Ingest of a whole seeds/ folder: every file parsed, duplicates and cross-year checks across files,
 * glossary built, content/ written atomically. Used by `npm run ingest`, `check`, the dev-server watcher
 * and the benchmark.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from './index.ts';
import { readSidecarFor } from './sidecar.ts';
import { crossYearFindings } from './validate.ts';
import { writeContent, type ContentSet } from './write.ts';
import { IngestError, type Diagnostic } from './errors.ts';
import type { UnitYearRecord } from '../../src/domain/schema/record.ts';
import { buildGlossary } from '../../src/domain/glossary.ts';

export interface FileOutcome {
  file: string;
  record: UnitYearRecord | null;
  diagnostics: Diagnostic[];
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
export function ingestFiles(files: string[], baseDir: string): { outcomes: FileOutcome[]; content: ContentSet } {
  const outcomes: FileOutcome[] = files.map((path) => {
    const file = relative(process.cwd(), path) || path;
    const sidecar = readSidecarFor(path);
    if (!sidecar.ok) return { file, record: null, diagnostics: sidecar.diagnostics };
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      return { file, record: null, diagnostics: [{ file, line: 1, kind: 'io' as const, message: `无法读取文件（${code}）：应为可读取的文本文件；若是失效的快捷方式或链接，请换成文件本身` }] };
    }
    const { record, diagnostics } = parseDocument(bytes, relative(baseDir, path) || path, { sidecar: sidecar.value });
    // Diagnostics name the file as the user gave it.
    return { file, record, diagnostics: diagnostics.map((d) => ({ ...d, file })) };
  });

  // The same unit-year in two files: neither is published until one is removed; both are named.
  const byId = new Map<string, FileOutcome[]>();
  for (const o of outcomes) if (o.record) byId.set(o.record.id, [...(byId.get(o.record.id) ?? []), o]);
  for (const group of byId.values()) {
    if (group.length < 2) continue;
    const names = group.map((g) => g.file).join('、');
    for (const o of group) {
      const r = o.record!;
      o.diagnostics.push({
        file: o.file, line: r.provenance['identity.unit'] ?? 1, kind: 'duplicate-record',
        message: `${r.identity.unit} ${r.identity.year}年的公开文件重复：${names}；同一单位同一年只能有一份，请删除或更正其中之一`,
      });
      o.record = null;
    }
  }

  const records = outcomes.map((o) => o.record).filter((r): r is UnitYearRecord => r !== null);
  const cross = crossYearFindings(records);
  for (const r of records) {
    const extra = cross.get(r.id);
    if (extra) r.findings.push(...extra);
  }
  const errors = outcomes.flatMap((o) => (o.record ? [] : o.diagnostics));
  return { outcomes, content: { records, glossary: buildGlossary(records), errors } };
}

/** Ingests `seedsDir` into `contentDir`. */
export function ingest(seedsDir: string, contentDir: string): { outcomes: FileOutcome[]; content: ContentSet } {
  const result = ingestFiles(listSeeds(seedsDir), seedsDir);
  writeContent(contentDir, result.content);
  return result;
}
