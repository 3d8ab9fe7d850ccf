/**
 * One writer of content/ at a time, across processes: `npm run ingest`, `check`, the build and the
 * dev-server watcher all take `<content>.lock` (a file created exclusively, holding the writer's pid) before
 * they write. A second writer waits for the first to finish, then writes; after `waitMs` it gives up with a
 * diagnostic naming the holder. A lock left by a process that no longer exists (killed) is taken over.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { IngestError } from '../errors.ts';

export interface LockOptions {
  /** How long to wait for another writer, ms (default GONGKAI_LOCK_WAIT_MS or 10 minutes). */
  waitMs?: number;
  /** Called once when the lock is held by another process and this one starts waiting. */
  onWait?: (holderPid: number) => void;
}

/** The lock file of a content folder. */
export const lockPath = (contentDir: string): string => `${resolve(contentDir)}.lock`;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

type Attempt = { release: () => void } | { holder: number };

function attempt(path: string): Attempt {
  const token = `${process.pid} ${randomUUID()}`;
  try {
    // content/ may be new, and so may its parent folder (`ingest -- SEEDS out/content`).
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, token, { flag: 'wx' });
    return {
      release: () => {
        try {
          if (readFileSync(path, 'utf8') === token) rmSync(path, { force: true });
        } catch {
          // already gone
        }
      },
    };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  let holder = NaN;
  try {
    holder = Number(readFileSync(path, 'utf8').split(' ')[0]);
  } catch {
    return attempt(path); // released meanwhile
  }
  if (!Number.isInteger(holder) || holder <= 0 || (holder !== process.pid && !alive(holder))) {
    // Left by a killed process: moved aside (one process wins the rename), then taken.
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
      rmSync(aside, { force: true });
    } catch {
      // another process took it over first
    }
    return attempt(path);
  }
  return { holder };
}

function refused(path: string, holder: number, waitedMs: number): IngestError {
  const waited = holder === process.pid ? '（同一进程）' : `，已等待 ${Math.round(waitedMs / 1000)} 秒`;
  return new IngestError(path, 1, 'io', `另一个导入（进程 ${holder}）正在写入 content/${waited}；`
    + `请等它结束后重新运行。若该进程已不存在，可删除此锁文件`);
}

const waitLimit = (o: LockOptions): number => o.waitMs ?? (Number(process.env.GONGKAI_LOCK_WAIT_MS) || 600_000);
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * The attempts to take the lock of `contentDir`: yields between attempts (the caller pauses 50 ms, blocking
 * or not), returns the release once taken, throws when the wait is over. `selfWaits`: whether a lock held by
 * this very process is waited for (an async caller: another task of this process will release it) or refused
 * (a blocking caller would wait for itself forever).
 */
function* attempts(contentDir: string, options: LockOptions, selfWaits: boolean): Generator<void, () => void> {
  const path = lockPath(contentDir);
  const start = performance.now();
  let told = false;
  for (;;) {
    const a = attempt(path);
    if ('release' in a) return a.release;
    if ((!selfWaits && a.holder === process.pid) || performance.now() - start > waitLimit(options)) throw refused(path, a.holder, performance.now() - start);
    if (!told) options.onWait?.(a.holder);
    told = true;
    yield;
  }
}

const PAUSE_MS = 50;

/** Takes the lock of `contentDir`, waiting (blocking) for another writer; returns its release. */
export function lockContent(contentDir: string, options: LockOptions = {}): () => void {
  const tries = attempts(contentDir, options, false);
  for (let t = tries.next(); ; t = tries.next()) {
    if (t.done) return t.value;
    Atomics.wait(sleeper, 0, 0, PAUSE_MS);
  }
}

/** `lockContent` without blocking the event loop (the dev server). */
export async function lockContentAsync(contentDir: string, options: LockOptions = {}): Promise<() => void> {
  const tries = attempts(contentDir, options, true);
  for (let t = tries.next(); ; t = tries.next()) {
    if (t.done) return t.value;
    await new Promise((done) => setTimeout(done, PAUSE_MS));
  }
}
