/**
 * The record file layout of content/: where a record's file goes (recordFile), the walk over them
 * (listRecordFiles), and reading them as they are on disk or as they were at a git ref. Records read here
 * are parsed as plain JSON, not validated: a record committed under an older schema can still be compared.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DiffableRecord } from './figure-diff.ts';
import type { UnitYearRecord } from './schema/record.ts';
import { contentDir } from './content-dir.ts';

/**
 * Relative path of a record's file inside content/: `<year>.json`, or `<year>.v<N>.json` for the N-th
 * version of a re-issued disclosure (its `revision`).
 */
export const recordFile = (r: Pick<UnitYearRecord, 'slug' | 'revision'> & { identity: { year: number } }): string =>
  join('records', r.slug.district, r.slug.unit, `${r.identity.year}${r.revision ? `.v${r.revision.version}` : ''}.json`);

/** Record files under `<dir>/records`, in code-point order of their paths (so builds are deterministic). */
export function listRecordFiles(dir: string = contentDir()): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json')) out.push(p);
    }
  };
  const root = join(dir, 'records');
  try {
    statSync(root);
  } catch {
    return [];
  }
  walk(root);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every record file's record, in listRecordFiles order. */
export function readRecordsFromDir(dir: string): DiffableRecord[] {
  return listRecordFiles(dir).map((f) => parseRecord(readFileSync(f, 'utf8'), f));
}

function parseRecord(text: string, where: string): DiffableRecord {
  try {
    return JSON.parse(text) as DiffableRecord;
  } catch (e) {
    throw new Error(`${where}: 不是有效的 JSON（${(e as Error).message}）`);
  }
}

const git = (args: string[], cwd: string, input?: string): Buffer =>
  execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });

/** The commit a ref names, or null when it names none. */
export function resolveCommit(ref: string, cwd: string): string | null {
  try {
    return git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd).toString().trim() || null;
  } catch {
    return null;
  }
}

/**
 * The records under `<contentDir>/records` (relative to `cwd`) in commit `ref`; none when the folder did
 * not exist then. Throws when `ref` names no commit.
 */
export function readRecordsAtRef(ref: string, contentDir: string, cwd: string): DiffableRecord[] {
  const commit = resolveCommit(ref, cwd);
  if (!commit) throw new Error(`“${ref}”不是本仓库中的提交（git 引用无效）`);
  const listing = git(['ls-tree', '-r', '-z', '--name-only', '--full-name', commit, '--', join(contentDir, 'records')], cwd)
    .toString('utf8').split('\0').filter((p) => p.endsWith('.json'));
  if (!listing.length) return [];
  // One `git cat-file --batch` for all files: "<sha> blob <size>\n<bytes>\n" per requested object.
  const out = git(['cat-file', '--batch'], cwd, listing.map((p) => `${commit}:${p}\n`).join(''));
  const records: DiffableRecord[] = [];
  let at = 0;
  for (const path of listing) {
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol).toString('utf8');
    const size = Number(/^\S+ blob (\d+)$/.exec(header)?.[1] ?? NaN);
    if (!Number.isInteger(size)) throw new Error(`git cat-file: 无法读取 ${ref}:${path}（${header}）`);
    records.push(parseRecord(out.subarray(eol + 1, eol + 1 + size).toString('utf8'), `${ref}:${path}`));
    at = eol + 1 + size + 1;
  }
  return records;
}
