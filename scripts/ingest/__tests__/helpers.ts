/**
 * Shared helpers for the ingest acceptance tests (issue 2 "Done when"): where the seeds are, how to parse
 * one, which source lines a record accounts for, text mutations that must hit exactly once, temp folders
 * and running the npm commands the way a user does.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseDocument } from '../index.ts';
import { FIXTURE_SEEDS_DIR } from '../../../tests/fixtures.ts';
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';

/** Repository root (this file is scripts/ingest/__tests__/helpers.ts). */
export const REPO_ROOT = join(import.meta.dirname, '../../..');
/**
 * The seeds the tests read: the fixture copies of the five samples (tests/fixtures.ts), not `seeds/`, which
 * belongs to whoever runs the site.
 */
export const SEEDS_DIR = FIXTURE_SEEDS_DIR;
/** The site's own seeds and the content/ committed from them (only the content-freshness test reads these). */
export const SITE_SEEDS_DIR = join(REPO_ROOT, 'seeds');
export const SITE_CONTENT_DIR = join(REPO_ROOT, 'content');
/** The other real layouts; CI clones the repo with shared/ beside it (GONGKAI_CORPUS points elsewhere, e.g. from a worktree). */
export const CORPUS_DIR = process.env.GONGKAI_CORPUS ?? join(REPO_ROOT, '../shared/corpus');

/** The five fixture seed files, by their three-digit prefix. */
export const SEEDS = {
  '000': '000_bc76dcabdb26b188.txt',
  '001': '001_f6abead5b2fb5ca3.txt',
  '002': '002_ac23c2893b407c47.txt',
  '003': '003_a07dbff17632ede2.txt',
  '004': '004_4ff91bf0fb23a83f.txt',
} as const;
export type SeedId = keyof typeof SEEDS;

/** The 19 terms seed 003's 专业性名词解释 defines, in its order (read from the document by hand). */
export const SEED_003_GLOSSARY_TERMS = [
  '财政拨款收入', '其他收入', '基本支出', '项目支出', '“三公”经费', '行政运行', '一般行政管理事务', '事业运行',
  '其他政府办公厅（室）及相关机构事务支出', '其他一般公共服务支出', '行政单位离退休', '事业单位离退休',
  '机关事业单位基本养老保险缴费支出', '机关事业单位职业年金缴费支出', '死亡抚恤', '行政单位医疗', '事业单位医疗',
  '住房公积金', '购房补贴',
] as const;

/** Every kind of diagnostic the pipeline may report (scripts/ingest/errors.ts). */
export const DIAGNOSTIC_KINDS = [
  'empty', 'binary', 'not-a-disclosure', 'truncated', 'missing-section', 'duplicate-section', 'section-order',
  'concatenated', 'duplicate-record', 'bad-figure', 'sidecar', 'io', 'scanned', 'encrypted', 'damaged', 'internal',
] as const;

/** The text of a seed as stored (UTF-8). */
export const seedText = (id: SeedId): string => readFileSync(join(SEEDS_DIR, SEEDS[id]), 'utf8');

/** Parses text as the file `file`; fails the test when no record comes out. */
export function parseText(text: string, file = 'test.txt'): UnitYearRecord {
  const { record, diagnostics } = parseDocument(Buffer.from(text, 'utf8'), file);
  if (!record) throw new Error(`expected a record for ${file}, got: ${diagnostics.map((d) => `${d.line}: ${d.message}`).join('; ')}`);
  return record;
}

const parsedSeeds = new Map<SeedId, UnitYearRecord>();
/** The record of a seed (parsed once per test file). */
export function seedRecord(id: SeedId): UnitYearRecord {
  let r = parsedSeeds.get(id);
  if (!r) {
    r = parseText(seedText(id), `seeds/${SEEDS[id]}`);
    parsedSeeds.set(id, r);
  }
  return r;
}

/** Lines of a text as an editor numbers them: CRLF, CR and LF end a line; a final newline adds none. */
export function textLines(text: string): string[] {
  const parts = text.split(/\r\n|\r|\n/);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** 1-based numbers of the lines of `text` that contain `needle`. */
export function linesContaining(text: string, needle: string): number[] {
  return textLines(text).flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
}

/**
 * Every source line the record accounts for: any `line` field anywhere (sections, paragraphs, duties,
 * table cells, findings…), every provenance entry, every line inside an attached table's range, and the
 * lines listed as unrecognised.
 */
export function accountedLines(r: UnitYearRecord): Set<number> {
  const out = new Set<number>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'line' && typeof x === 'number') out.add(x);
        else if (k === 'more' && Array.isArray(x)) {
          for (const n of x) if (typeof n === 'number') out.add(n);
        } else walk(x);
      }
    }
  };
  const { source: _source, provenance, coverage, tables, ...rest } = r;
  void _source;
  walk(rest);
  walk(tables);
  for (const n of Object.values(provenance)) out.add(n);
  for (const t of tables) for (let n = t.startLine; n <= t.endLine; n++) out.add(n);
  for (const u of coverage.unrecognised) out.add(u.line);
  return out;
}

/** Non-blank lines of `text` the record neither uses nor lists as unrecognised, as `[line, text]`. */
export function unaccountedLines(r: UnitYearRecord, text: string): [number, string][] {
  const seen = accountedLines(r);
  return textLines(text).flatMap((l, i) => (l.trim() && !seen.has(i + 1) ? [[i + 1, l] as [number, string]] : []));
}

/** Replaces the single occurrence of `from`; throws when it occurs zero or several times. */
export function replaceOnce(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first < 0 || text.indexOf(from, first + 1) >= 0) {
    throw new Error(`"${from}" must occur exactly once (found ${text.split(from).length - 1})`);
  }
  return text.slice(0, first) + to + text.slice(first + from.length);
}

/**
 * How a document prints an amount of whole 元 in 万元: up to four decimals, trailing zeros dropped
 * (14839600 → "1483.96", 7507000 → "750.7", 50000 → "5"); the sign is not printed (增加/减少 carry it).
 */
export function printedWan(yuan: number): string {
  const abs = Math.abs(yuan);
  const whole = Math.floor(abs / 10000);
  const frac = String(abs % 10000).padStart(4, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** A fresh temporary folder; `cleanup` removes it. */
export function tempDir(prefix: string): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), `gongkai-${prefix}-`));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Files under `dir`, recursively, as sorted paths relative to `dir` ('/'-separated). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Differences between two folders, file by file and byte by byte (empty when identical). */
export function folderDifferences(expected: string, actual: string): string[] {
  const a = filesUnder(expected);
  const b = filesUnder(actual);
  const diffs: string[] = [];
  for (const f of a) if (!b.includes(f)) diffs.push(`missing: ${f}`);
  for (const f of b) if (!a.includes(f)) diffs.push(`extra: ${f}`);
  for (const f of a.filter((x) => b.includes(x))) {
    if (!readFileSync(join(expected, f)).equals(readFileSync(join(actual, f)))) diffs.push(`differs: ${f}`);
  }
  return diffs;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm <args>` in the repository root, as a user would; several may run at once. */
export function runNpm(args: string[]): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn('npm', args, { cwd: REPO_ROOT, timeout: 60_000 });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}
