/**
 * Issue 19 case 12 — a write into content/ that fails (disk full, no permission, read-only, …) is one
 * `path:1: 无法写入（CODE）：why` diagnostic, never a stack trace, and content/ stays as it was. Every
 * failure code, at every point of the write (first record, a later one, the site files, the swap).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestError, formatDiagnostic } from '../errors.ts';
import { SEEDS_DIR } from './helpers.ts';

/** When set, the nth write (1-based) fails with this code. */
const failure = vi.hoisted(() => ({ code: null as string | null, at: 0, seen: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const fail = (path: unknown) => {
    if (failure.code && ++failure.seen === failure.at) {
      throw Object.assign(new Error(`${failure.code}: simulated, open '${String(path)}'`), { code: failure.code, path: String(path) });
    }
  };
  return {
    ...real,
    writeFileSync: (path: fs.PathOrFileDescriptor, ...rest: unknown[]) => { fail(path); return (real.writeFileSync as (...a: unknown[]) => void)(path, ...rest); },
    renameSync: (from: fs.PathLike, to: fs.PathLike) => { fail(to); return real.renameSync(from, to); },
  };
});

const { ingest } = await import('../run/corpus.ts');

let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-wf-'));
  cpSync(SEEDS_DIR, join(dir, 'seeds'), { recursive: true });
  failure.code = null;
  await ingest(join(dir, 'seeds'), join(dir, 'content'), { workers: 0 });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under content/, path → text. */
const snapshot = (d: string) => Object.fromEntries((readdirSync(d, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'utf8')]));

describe('a failing write is a diagnostic and leaves content/ as it was', () => {
  const codes = ['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EIO', 'EMFILE', 'ENAMETOOLONG', 'EXDEV'];
  for (const code of codes) {
    it(code, async () => {
      const before = snapshot(join(dir, 'content'));
      // A seed changed so that its record is written, not linked.
      const seed = join(dir, 'seeds', readdirSync(join(dir, 'seeds'))[0]!);
      fs.writeFileSync(seed, `${readFileSync(seed, 'utf8')}\n附：另有说明。\n`);
      for (const at of [1, 2, 3, 5, 8]) {
        failure.code = code;
        failure.at = at;
        failure.seen = 0;
        let thrown: unknown = null;
        try {
          await ingest(join(dir, 'seeds'), join(dir, 'content'), { workers: 0 });
        } catch (e) {
          thrown = e;
        }
        failure.code = null;
        if (failure.seen < at) continue; // fewer writes than that: nothing failed
        expect(thrown).toBeInstanceOf(IngestError);
        const d = (thrown as IngestError).diagnostic;
        expect(d.kind).toBe('io');
        expect(formatDiagnostic(d)).toMatch(new RegExp(`^\\S.*:1: 无法写入（${code}）：[^\\n]+npm run ingest$`));
        expect(snapshot(join(dir, 'content'))).toEqual(before);
        expect(readdirSync(dir).sort()).toEqual(['content', 'seeds']);
      }
    });
  }
});
