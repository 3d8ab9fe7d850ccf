/**
 * The worker's side of the pool's protocol (pool.ts): what a worker is given, how it answers (a message on its
 * port, then a bump of the shared counter the calling thread waits on) and how it says which job it is on.
 * Imports nothing of the pipeline, so a worker can load it afterwards and report a failure to load.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { JobMode } from './parse-file.ts';

interface Init {
  port: MessagePort;
  signal: SharedArrayBuffer;
  /** 1 + the index of the job being run, 0 between jobs: how the pool tells which job stalled (pool.ts). */
  current: SharedArrayBuffer;
  mode: JobMode;
  /** A seed to parse once (result dropped) before saying ready: a cold thread's first parses are slow. */
  warmup: string | null;
}

/** This worker's end of the pool: its port, mode and warm-up seed, `post` and `running` (null between jobs). */
export function workerSide(): { port: MessagePort; mode: JobMode; warmup: string | null; post: (message: unknown) => void; running: (job: number | null) => void } {
  const { port, signal, current, mode, warmup } = workerData as Init;
  const counter = new Int32Array(signal);
  const on = new Int32Array(current);
  return {
    port, mode, warmup,
    post: (message) => {
      port.postMessage(message);
      Atomics.add(counter, 0, 1);
      Atomics.notify(counter, 0);
    },
    running: (job) => Atomics.store(on, 0, job === null ? 0 : job + 1),
  };
}
