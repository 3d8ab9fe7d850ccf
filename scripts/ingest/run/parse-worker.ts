/**
 * Worker thread of the ingest (see pool.ts): receives batches of jobs on its port, runs them with the same
 * `runJob` as the main thread and posts the results back, then bumps the shared counter so that a main
 * thread blocked in `Atomics.wait` wakes up. The pipeline is imported dynamically so that a failure to
 * load it is reported (and the main thread parses by itself) instead of leaving the pool waiting.
 */
import { enableCompileCache } from 'node:module';
import { workerData, type MessagePort } from 'node:worker_threads';
import type { Job, JobMode, JobResult } from './parse-file.ts';

interface Init {
  port: MessagePort;
  signal: SharedArrayBuffer;
  /** 1 + the index of the job being run, 0 between jobs: how the pool tells which job stalled (pool.ts). */
  current: SharedArrayBuffer;
  mode: JobMode;
  /** A seed to parse once (result dropped) before saying ready: a cold thread's first parses are slow. */
  warmup: string | null;
}

const { port, signal, current, mode, warmup } = workerData as Init;
const counter = new Int32Array(signal);
const running = new Int32Array(current);
const post = (message: unknown): void => {
  port.postMessage(message);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
};

// Loading the pipeline is most of a worker's start-up: Node strips the types of every module again in each
// thread. Node's compile cache (NODE_COMPILE_CACHE, default <tmp>/node-compile-cache) keeps the stripped
// code and V8's code cache on disk, keyed by the source, so a worker after the first run loads from it.
enableCompileCache();

try {
  const { parseFile, runJob } = await import('./parse-file.ts');
  if (warmup) {
    try {
      await parseFile(warmup, mode.baseDir);
    } catch {
      // the real job reports it
    }
  }
  const made = new Set<string>();
  // Batches run one after the other, in the order they came (jobs are async: a PDF is read with promises).
  let queue = Promise.resolve();
  port.on('message', (msg: { jobs?: Job[]; stop?: true }) => {
    queue = queue.then(async () => {
      if (msg.stop) {
        port.close();
        return;
      }
      const results: JobResult[] = [];
      for (const job of msg.jobs ?? []) {
        Atomics.store(running, 0, job.i + 1);
        results.push(await runJob(job, mode, made));
      }
      Atomics.store(running, 0, 0);
      post({ results });
    });
  });
  post({ ready: true });
} catch (e) {
  post({ fatal: e instanceof Error ? e.message : String(e) });
  port.close();
}
