/**
 * Worker thread of the ingest (see pool.ts): receives batches of jobs on its port, runs them with the same
 * `runJob` as the main thread and posts the results back, then bumps the shared counter so that a main
 * thread blocked in `Atomics.wait` wakes up. The pipeline is imported dynamically so that a failure to
 * load it is reported (and the main thread parses by itself) instead of leaving the pool waiting.
 */
import { enableCompileCache } from 'node:module';
import type { Job, JobResult } from './parse-file.ts';
import { workerSide } from './worker-side.ts';

const { port, mode, warmup, post, running } = workerSide();

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
        running(job.i);
        results.push(await runJob(job, mode, made));
      }
      running(null);
      post({ results });
    });
  });
  post({ ready: true });
} catch (e) {
  post({ fatal: e instanceof Error ? e.message : String(e) });
  port.close();
}
