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
 * A worker that cannot load the pipeline or dies gives its unfinished jobs back to the calling thread, which
 * runs them itself: a worker problem costs speed, never results. A job that keeps its worker busy for
 * STALL_MS (a parser that loops) is not run again (it would hang the calling thread): it is reported as an
 * `internal` diagnostic of its file, and the worker's other jobs go back to the calling thread. So is a job
 * during which its worker ran out of memory (the calling thread has no more).
 *
 * `Atomics.waitAsync` does not keep Node's event loop alive (nodejs/node#61941), and the workers are unref'd:
 * a wait with nothing else pending would end the process with exit code 13 ("unsettled top-level await")
 * before the workers answer. Every wait therefore holds a timer (waitForWorkers).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { internalFailure, runJob, type Job, type JobMode, type JobResult } from './parse-file.ts';

/** Below this many files, a worker's start-up (loading the pipeline, plus its JIT warm-up: BENCHMARKS.md) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 500;
/** Jobs per message; two batches in flight per worker keep it busy while the main thread catches up. */
const BATCH = 4;
/** A worker on one job this long (or starting up this long) is given up; see the top of this file. */
const STALL_MS = 120_000;
/** Longest wait for the workers before the scheduler looks for stalls again. */
const WAIT_MS = 1000;

/** For tests: the worker script (a stand-in that misbehaves on cue), the stall limit of a job (start-up keeps STALL_MS), the workers' heap. */
export interface PoolTuning {
  workerUrl?: URL | null;
  stallMs?: number;
  maxOldGenerationSizeMb?: number;
}

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
  /** Shared with the worker: 1 + the index of the job it is running, 0 between jobs. */
  current: Int32Array;
  /** That value when the calling thread first saw it, and when. */
  seen: number;
  seenAt: number;
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
  private readonly stallMs: number;

  constructor(jobs: Job[], mode: JobMode, workers: number, onResult: (r: JobResult) => void, tuning: PoolTuning = {}) {
    this.jobs = jobs;
    this.mode = mode;
    this.onResult = onResult;
    this.stallMs = tuning.stallMs ?? STALL_MS;
    const url = tuning.workerUrl === undefined ? WORKER_URL : tuning.workerUrl;
    for (let k = 0; k < workers && url; k++) {
      const { port1, port2 } = new MessageChannel();
      const current = new Int32Array(new SharedArrayBuffer(4));
      let worker: Worker;
      try {
        worker = new Worker(url, {
          workerData: { port: port2, signal: this.signal.buffer, current: current.buffer, mode, warmup: jobs[0]?.path ?? null },
          transferList: [port2],
          ...(tuning.maxOldGenerationSizeMb ? { resourceLimits: { maxOldGenerationSizeMb: tuning.maxOldGenerationSizeMb } } : {}),
          // The parent's profiling flags are per process, not per thread.
          execArgv: process.execArgv.filter((a) => !a.startsWith('--cpu-prof') && !a.startsWith('--heap-prof')),
        });
      } catch {
        port1.close();
        break;
      }
      worker.unref();
      const slot: Slot = { worker, port: port1, pending: new Map(), dead: false, ready: false, lastHeard: performance.now(), current, seen: 0, seenAt: 0 };
      worker.on('error', (e: Error & { code?: string }) => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') this.giveUp(slot, '解析时工作线程内存不足（文件可能过大或结构异常）');
        else this.giveUp(slot);
      });
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

  /**
   * A worker is gone or hopeless: its unanswered jobs (and, if it was the last, all the rest) run locally,
   * except the one it was running when `culprit` says why it must not run again: that one is reported.
   */
  giveUp(slot: Slot, culprit?: string): void {
    if (slot.dead) return;
    slot.dead = true;
    const running = culprit ? slot.pending.get(Atomics.load(slot.current, 0) - 1) : undefined;
    if (running) {
      slot.pending.delete(running.i);
      this.report(running, culprit!);
    }
    this.local.push(...slot.pending.values());
    slot.pending.clear();
    if (!this.live.length) this.local.push(...this.takeAll());
    void slot.worker.terminate();
    // Wake the calling thread if it waits for this worker.
    Atomics.add(this.signal, 0, 1);
    Atomics.notify(this.signal, 0);
  }

  /** The result of a job that could not be run: its file, no record, an `internal` diagnostic saying why. */
  private report(job: Job, why: string): void {
    this.done++;
    try {
      this.onResult(internalFailure(job, this.mode, `${why}；其余文件照常导入，请报告此问题`));
    } catch (e) {
      this.error ??= e;
    }
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

  /** Gives up workers that have been on one job, or starting up, for the stall limit. */
  checkStalls(): void {
    const now = performance.now();
    for (const s of this.live) {
      if (!s.ready) {
        // Start-up keeps the long limit: a loaded machine can take seconds to load a worker.
        if (now - s.lastHeard > STALL_MS) this.giveUp(s);
        continue;
      }
      const running = Atomics.load(s.current, 0);
      if (running !== s.seen) {
        s.seen = running;
        s.seenAt = now;
      } else if (running && now - s.seenAt > this.stallMs) {
        this.giveUp(s, `解析超过 ${Math.round(this.stallMs / 1000)} 秒仍未完成，已放弃（解析器可能陷入循环）`);
      }
    }
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
export async function runJobs(jobs: Job[], mode: JobMode, workers: number, onResult: (r: JobResult) => void, callerParses = true, tuning: PoolTuning = {}): Promise<void> {
  const s = new Scheduler(jobs, mode, workers, onResult, tuning);
  try {
    while (!s.finished) {
      await s.runLocal();
      if (s.error) throw s.error;
      if (s.finished) break;
      s.checkStalls();
      const seen = Atomics.load(s.signal, 0);
      if (s.drainSync()) continue;
      if (callerParses && await s.helpOne()) continue;
      await waitForWorkers(s.signal, seen);
    }
    if (s.error) throw s.error;
  } finally {
    s.stop();
  }
}

/** Runs `jobs`, calling `onResult` for each (in completion order), without blocking the event loop. */
export async function runJobsAsync(jobs: Job[], mode: JobMode, workers: number, onResult: (r: JobResult) => void, tuning: PoolTuning = {}): Promise<void> {
  const s = new Scheduler(jobs, mode, workers, onResult, tuning);
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
      timer = setInterval(() => { s.checkStalls(); step(); }, WAIT_MS);
      step();
    });
  } finally {
    clearInterval(timer);
    s.stop();
  }
}

/**
 * Waits until the workers bump `signal` past `seen`, or WAIT_MS. A ref'd timer keeps the event loop alive
 * meanwhile: a pending `Atomics.waitAsync` alone does not (nodejs/node#61941), and the process would exit.
 */
async function waitForWorkers(signal: Int32Array, seen: number): Promise<void> {
  const wait = Atomics.waitAsync(signal, 0, seen, WAIT_MS);
  if (!wait.async) return;
  const alive = setTimeout(() => {}, WAIT_MS + 100);
  try {
    await wait.value;
  } finally {
    clearTimeout(alive);
  }
}
