/**
 * Runs ingest jobs (parse-file.ts) on worker threads, one per core, or on the calling thread for small
 * inputs. Parsing is independent per file; results come back keyed by the file's index, and everything
 * that depends on several files runs afterwards on the main thread, so the outcome never depends on which
 * thread parsed which file or in what order results arrived.
 *
 * Two drivers share one scheduler: `runJobs` (the CLI) waits on a counter the workers bump
 * (Atomics.waitAsync; results taken with receiveMessageOnPort) and parses too whenever it has nothing else
 * to do (mostly while the workers start up); `runJobsAsync` waits on events and leaves parsing to the
 * workers (the dev server must keep serving meanwhile). Jobs are async: reading a PDF or Word file is.
 *
 * A worker that cannot load the pipeline, dies or stops answering gives its unfinished jobs back to the
 * calling thread, which runs them itself: a worker problem costs speed, never results.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { runJob, type Job, type JobMode, type JobResult } from './parse-file.ts';

/** Below this many files, a worker's start-up (loading the pipeline, plus its JIT warm-up: BENCHMARKS.md) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 500;
/** Jobs per message; two batches in flight per worker keep it busy while the main thread catches up. */
const BATCH = 4;
/** A worker silent this long while it has jobs is given up (its jobs are run by the calling thread). */
const STALL_MS = 120_000;

/**
 * How many worker threads to use for `files` files: `requested` when given (0 = none), else the
 * `GONGKAI_INGEST_WORKERS` environment variable, else, from MIN_FILES_FOR_WORKERS files on, one per core
 * besides the calling thread when it parses too (`runJobs`), one per core when it only waits.
 */
export function workerCount(files: number, requested?: number, callerParses = true): number {
  const fromEnv = process.env.GONGKAI_INGEST_WORKERS;
  const cores = availableParallelism();
  const auto = files >= MIN_FILES_FOR_WORKERS ? (callerParses ? Math.max(1, cores - 1) : cores) : 0;
  const n = requested ?? (fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : auto);
  return Number.isFinite(n) && n > 0 ? Math.min(Math.floor(n), Math.ceil(files / BATCH)) : 0;
}

const WORKER_URL = ((): URL | null => {
  try {
    const url = new URL('./parse-worker.ts', import.meta.url);
    return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
  } catch {
    return null;
  }
})();

/** How the last run went: workers started, jobs answered by workers and run on the calling thread. */
export interface PoolStats {
  workers: number;
  byWorkers: number;
  local: number;
}
let last: PoolStats = { workers: 0, byWorkers: 0, local: 0 };
/** Stats of the last `runJobs`/`runJobsAsync` (tests check that workers really ran). */
export const lastPoolStats = (): PoolStats => ({ ...last });

interface Slot {
  worker: Worker;
  port: MessagePort;
  /** Jobs sent and not yet answered. */
  pending: Map<number, Job>;
  dead: boolean;
  ready: boolean;
  lastHeard: number;
}

type Message = { results: JobResult[] } | { ready: true } | { fatal: string };

class Scheduler {
  private next = 0;
  private readonly slots: Slot[] = [];
  private readonly local: Job[] = [];
  private readonly made = new Set<string>();
  done = 0;
  /** An error thrown by `onResult` (e.g. a record that could not be written), rethrown by the driver. */
  error: unknown = null;
  readonly signal = new Int32Array(new SharedArrayBuffer(4));

  private readonly jobs: Job[];
  private readonly mode: JobMode;
  private readonly onResult: (r: JobResult) => void;

  constructor(jobs: Job[], mode: JobMode, workers: number, onResult: (r: JobResult) => void) {
    this.jobs = jobs;
    this.mode = mode;
    this.onResult = onResult;
    for (let k = 0; k < workers && WORKER_URL; k++) {
      const { port1, port2 } = new MessageChannel();
      let worker: Worker;
      try {
        worker = new Worker(WORKER_URL, {
          workerData: { port: port2, signal: this.signal.buffer, mode, warmup: jobs[0]?.path ?? null },
          transferList: [port2],
          // The parent's profiling flags are per process, not per thread.
          execArgv: process.execArgv.filter((a) => !a.startsWith('--cpu-prof') && !a.startsWith('--heap-prof')),
        });
      } catch {
        port1.close();
        break;
      }
      worker.unref();
      const slot: Slot = { worker, port: port1, pending: new Map(), dead: false, ready: false, lastHeard: performance.now() };
      worker.on('error', () => this.giveUp(slot));
      worker.on('exit', () => this.giveUp(slot));
      this.slots.push(slot);
      // Jobs are handed out once the worker has loaded the pipeline (its 'ready'): jobs waiting in a
      // starting worker's queue would hold up the end of a small run.
    }
    if (!this.slots.length) this.local.push(...this.takeAll());
    last = { workers: this.slots.length, byWorkers: 0, local: 0 };
  }

  get finished(): boolean {
    return this.done === this.jobs.length;
  }

  get live(): Slot[] {
    return this.slots.filter((s) => !s.dead);
  }

  private takeAll(): Job[] {
    const rest = this.jobs.slice(this.next);
    this.next = this.jobs.length;
    return rest;
  }

  private feed(slot: Slot): void {
    if (slot.dead || this.next >= this.jobs.length) return;
    const batch = this.jobs.slice(this.next, this.next + BATCH);
    this.next += batch.length;
    for (const j of batch) slot.pending.set(j.i, j);
    slot.port.postMessage({ jobs: batch });
  }

  /** A worker is gone or hopeless: its unanswered jobs (and, if it was the last, all the rest) run locally. */
  giveUp(slot: Slot): void {
    if (slot.dead) return;
    slot.dead = true;
    this.local.push(...slot.pending.values());
    slot.pending.clear();
    if (!this.live.length) this.local.push(...this.takeAll());
    void slot.worker.terminate();
  }

  handle(slot: Slot, msg: Message): void {
    slot.lastHeard = performance.now();
    if ('fatal' in msg) {
      this.giveUp(slot);
      return;
    }
    if ('ready' in msg) {
      slot.ready = true;
      this.feed(slot);
      this.feed(slot);
      return;
    }
    if (!('results' in msg)) return;
    for (const r of msg.results) {
      if (!slot.pending.delete(r.i)) continue; // already given to the local queue
      this.done++;
      last.byWorkers++;
      try {
        this.onResult(r);
      } catch (e) {
        this.error ??= e;
      }
    }
    if (slot.pending.size <= BATCH) this.feed(slot);
  }

  /** Runs the jobs that came back to the calling thread. */
  async runLocal(): Promise<void> {
    for (let j = this.local.shift(); j; j = this.local.shift()) {
      const r = await runJob(j, this.mode, this.made);
      this.done++;
      last.local++;
      this.onResult(r);
    }
  }

  /**
   * Runs the next job nobody has taken on the calling thread (it would otherwise only wait, and it is warm
   * while the workers are still loading the pipeline). False when every job is taken.
   */
  async helpOne(): Promise<boolean> {
    if (this.next >= this.jobs.length || !this.live.length) return false;
    const j = this.jobs[this.next++]!;
    const r = await runJob(j, this.mode, this.made);
    this.done++;
    last.local++;
    this.onResult(r);
    return true;
  }

  /** Gives up workers that have not answered for STALL_MS while holding jobs or starting up. */
  checkStalls(): void {
    const now = performance.now();
    for (const s of this.live) if ((s.pending.size || !s.ready) && now - s.lastHeard > STALL_MS) this.giveUp(s);
  }

  stop(): void {
    for (const s of this.slots) {
      s.dead = true;
      s.port.close();
      void s.worker.terminate();
    }
  }

  drainSync(): boolean {
    let got = false;
    for (const s of this.live) {
      for (let m = receiveMessageOnPort(s.port); m && !s.dead; m = receiveMessageOnPort(s.port)) {
        got = true;
        this.handle(s, m.message as Message);
      }
    }
    return got;
  }

  listen(onChange: () => void): void {
    for (const s of this.slots) {
      s.port.on('message', (m: Message) => {
        if (s.dead) return;
        this.handle(s, m);
        onChange();
      });
      s.worker.on('exit', onChange);
      s.worker.on('error', onChange);
    }
  }
}

/**
 * Runs `jobs`, calling `onResult` for each (in completion order). The calling thread parses too
 * (`callerParses`) and otherwise waits on the workers' counter (Atomics.waitAsync: reading a PDF is async,
 * so the caller's own jobs are awaited, not run blocking).
 */
export async function runJobs(jobs: Job[], mode: JobMode, workers: number, onResult: (r: JobResult) => void, callerParses = true): Promise<void> {
  const s = new Scheduler(jobs, mode, workers, onResult);
  try {
    while (!s.finished) {
      await s.runLocal();
      if (s.error) throw s.error;
      if (s.finished) break;
      const seen = Atomics.load(s.signal, 0);
      if (s.drainSync()) continue;
      if (callerParses && await s.helpOne()) continue;
      const wait = Atomics.waitAsync(s.signal, 0, seen, 1000);
      // Node does not count a pending Atomics.waitAsync as work (and the workers are unref'd): without a
      // timer the event loop could run dry while the workers parse, and the process exit with the ingest
      // unfinished ("Detected unsettled top-level await", exit 13; seen at 2,000 and 20,000 documents).
      const alive = setTimeout(() => {}, 2000);
      try {
        if ((wait.async ? await wait.value : wait.value) === 'timed-out') s.checkStalls();
      } finally {
        clearTimeout(alive);
      }
    }
    if (s.error) throw s.error;
  } finally {
    s.stop();
  }
}

/** Runs `jobs`, calling `onResult` for each (in completion order), without blocking the event loop. */
export async function runJobsAsync(jobs: Job[], mode: JobMode, workers: number, onResult: (r: JobResult) => void): Promise<void> {
  const s = new Scheduler(jobs, mode, workers, onResult);
  let timer: ReturnType<typeof setInterval> | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      let running = false;
      const step = (): void => {
        if (running) return;
        running = true;
        s.runLocal().then(() => {
          running = false;
          if (s.error) throw s.error;
          if (s.finished) resolve();
        }).catch((e: unknown) => {
          running = false;
          reject(e as Error);
        });
      };
      s.listen(() => setImmediate(step));
      timer = setInterval(() => { s.checkStalls(); step(); }, 1000);
      step();
    });
  } finally {
    clearInterval(timer);
    s.stop();
  }
}
