/**
 * "What changed" on a preview page: a record's figures compared with the same record in the last commit
 * (content/ at git HEAD), the same comparison as `npm run diff -- HEAD`. Production builds never compare.
 */
import { diffFigures, type DiffableRecord, type FigureChange } from '../domain/figure-diff.ts';
import { readRecordsAtRef, resolveCommit } from '../domain/record-files.ts';
import { keyFigureFields } from '../domain/key-figures.ts';
import { previewMode } from '../domain/release.ts';
import { contentDir } from '../domain/content-dir.ts';
import { fileStampOr } from '../domain/file-stamp.ts';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type { FigureChange } from '../domain/figure-diff.ts';

/** A record compared with the last commit. */
export type RecordChanges =
  | { status: 'added' }
  | { status: 'unchanged' }
  | { status: 'changed'; figures: FigureChange[] };

/** Where to compare: the project folder (a git work tree) and its content folder, relative to it. */
export interface ChangeSource {
  cwd: string;
  contentDir: string;
}

let memo: { key: string; byId: Map<string, DiffableRecord> } | undefined;

/** Each folder's git directory and common directory (a linked worktree's refs are in the latter); null: no repository. */
const gitDirs = new Map<string, { dir: string; common: string } | null>();

/**
 * What HEAD names, as files: HEAD's text and the stat stamps of the ref it points to and of packed-refs.
 * It changes whenever HEAD may name another commit (commit, checkout, reset, fetch into the branch), so the
 * commit is asked of git (a process per page, ≈ 0.1–0.5 s on a loaded machine) only then. Null outside a
 * repository (found once per folder: a repository created while the dev server runs needs a restart).
 */
function headState(cwd: string): string | null {
  if (!gitDirs.has(cwd)) {
    let found: { dir: string; common: string } | null = null;
    try {
      const [dir, common] = execFileSync('git', ['rev-parse', '--absolute-git-dir', '--git-common-dir'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString().trim().split('\n');
      if (dir && common) found = { dir, common: resolve(cwd, common) };
    } catch { /* not a repository */ }
    gitDirs.set(cwd, found);
  }
  const dirs = gitDirs.get(cwd);
  if (!dirs) return null;
  const stamp = (path: string): string => fileStampOr(path, '-');
  let head: string;
  try {
    head = readFileSync(join(dirs.dir, 'HEAD'), 'utf8');
  } catch {
    return null;
  }
  const ref = /^ref: (.+)$/m.exec(head)?.[1]?.trim();
  const refs = ref ? [join(dirs.dir, ref), join(dirs.common, ref)] : [];
  return [head, ...refs.map(stamp), stamp(join(dirs.common, 'packed-refs'))].join('\u0000');
}

let head: { cwd: string; state: string; commit: string | null } | undefined;

/** The commit HEAD names in `cwd` (asked of git only when headState changed), null when none. */
function headCommit(cwd: string): string | null {
  const state = headState(cwd);
  if (state === null) return null;
  if (head?.cwd !== cwd || head.state !== state) head = { cwd, state, commit: resolveCommit('HEAD', cwd) };
  return head.commit;
}

/**
 * The records of content/ at HEAD by id (read once per commit), or null when there is nothing to compare
 * with: no git, no commit, or a content folder outside the repository.
 */
function headRecords(source: ChangeSource): Map<string, DiffableRecord> | null {
  try {
    const commit = headCommit(source.cwd);
    if (!commit) return null;
    const key = `${source.cwd}\0${source.contentDir}\0${commit}`;
    if (memo?.key !== key) {
      memo = { key, byId: new Map(readRecordsAtRef(commit, source.contentDir, source.cwd).map((r) => [r.id, r])) };
    }
    return memo.byId;
  } catch {
    return null;
  }
}

/**
 * How `record` differs from its version in the last commit; null outside preview or when the project
 * has no git history to compare with.
 */
export function changesFor(
  record: DiffableRecord,
  options: { preview?: boolean; source?: ChangeSource } = {},
): RecordChanges | null {
  if (!(options.preview ?? previewMode())) return null;
  const head = headRecords(options.source ?? { cwd: process.cwd(), contentDir: contentDir() });
  if (!head) return null;
  const committed = head.get(record.id);
  if (!committed) return { status: 'added' };
  const figures = diffFigures(committed, record);
  return figures.length ? { status: 'changed', figures } : { status: 'unchanged' };
}

const FIXED_TITLES: Record<string, string> = {
  'keyFigures.unit': '单位名称',
  'keyFigures.year': '年度',
  'findings.error': '数据核对：错误（项）',
  'findings.warning': '数据核对：提示（项）',
  'findings.info': '数据核对：说明（项）',
};

/**
 * Chinese title of a figure path: the key-figure column's title (`keyFigures.threePublic.total` →
 * “三公”经费合计), `支出功能分类：X` for a function class, the path itself when nothing matches.
 */
export function figureTitle(path: string): string {
  if (FIXED_TITLES[path]) return FIXED_TITLES[path];
  const parts = path.split('.');
  if (parts[1] === 'expenditureByFunction' && parts.length > 2) return `支出功能分类：${parts.slice(2).join('.')}`;
  // Column names are the member name, or parent + Member for nested ones (threePublic.total → threePublicTotal).
  const last = parts[parts.length - 1] ?? '';
  const parent = parts.length > 2 ? parts[parts.length - 2]! : '';
  const candidates = [last, parent + last.charAt(0).toUpperCase() + last.slice(1)];
  for (const name of candidates) {
    const field = keyFigureFields.find((f) => f.name === name);
    if (field) return field.title;
  }
  return path;
}
