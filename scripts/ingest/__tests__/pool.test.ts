/**
 * The worker pool (run/pool.ts) as the command line runs it — a process with top-level await and nothing
 * else pending — never hangs and never ends early, whatever a worker does: slow answers are waited for
 * (a pending Atomics.waitAsync alone does not keep Node alive: the 20,000-document ingest exited with code 13,
 * "unsettled top-level await"), a dead worker's jobs are run again by the calling thread, and a job that
 * stalls its worker or runs it out of memory is reported as its file's `internal` diagnostic.
 * The worker is a stand-in (fixtures/pool/worker.ts) that misbehaves on cue, by file name.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';

const tmp = tempDir('pool');
afterAll(tmp.cleanup);
const RUN = join(import.meta.dirname, 'fixtures/pool/run.ts');

/** Runs the pool on files of these names (their text is no disclosure) with this stall limit (a loaded machine must not reach it by accident). */
function run(names: string[], stallMs = 10_000): { status: number | null; results: { i: number; file: string; diagnostics: string[] }[]; done: boolean; stderr: string } {
  for (const n of names) writeFileSync(join(tmp.path, n), '会议纪要\n');
  const p = spawnSync(process.execPath, [RUN, String(stallMs), ...names], { cwd: tmp.path, encoding: 'utf8', timeout: 60_000 });
  const lines = p.stdout.split('\n').filter(Boolean);
  return {
    status: p.status,
    results: lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { i: number; file: string; diagnostics: string[] }).sort((a, b) => a.i - b.i),
    done: lines.includes('done'),
    stderr: p.stderr,
  };
}

describe('the worker pool in a process of its own', () => {
  it('waits for a worker that answers late instead of exiting with code 13', () => {
    const r = run(['a.txt', 'slow-b.txt', 'c.txt']);
    expect(r.stderr).not.toContain('unsettled');
    expect(r.status).toBe(0);
    expect(r.done).toBe(true);
    expect(r.results.map((x) => x.file)).toEqual(['a.txt', 'slow-b.txt', 'c.txt']);
  });

  it('runs the jobs of a worker that died on the calling thread', () => {
    const r = run(['a.txt', 'die-b.txt', 'c.txt', 'd.txt']);
    expect(r.status).toBe(0);
    expect(r.done).toBe(true);
    expect(r.results.map((x) => x.i)).toEqual([0, 1, 2, 3]);
    // The calling thread really parsed the dead worker's job (the stand-in never diagnoses anything).
    expect(r.results[1]!.diagnostics).toEqual([expect.stringMatching(/^die-b\.txt:1: not-a-disclosure: /)]);
  });

  it('reports a job that stalls its worker, as file:line: what and why, and runs the others', () => {
    const r = run(['a.txt', 'stall-b.txt', 'c.txt'], 1000);
    expect(r.status).toBe(0);
    expect(r.done).toBe(true);
    expect(r.results.map((x) => x.i)).toEqual([0, 1, 2]);
    expect(r.results[1]!.diagnostics).toEqual([expect.stringMatching(/^stall-b\.txt:1: internal: 解析超过 1 秒仍未完成，已放弃/)]);
    expect(r.results[2]!.diagnostics).toEqual([expect.stringMatching(/^c\.txt:1: not-a-disclosure: /)]);
  });

  it('reports a job during which its worker ran out of memory, and runs the others', () => {
    const r = run(['a.txt', 'fat-b.txt', 'c.txt']);
    expect(r.status).toBe(0);
    expect(r.done).toBe(true);
    expect(r.results[1]!.diagnostics).toEqual([expect.stringMatching(/^fat-b\.txt:1: internal: 解析时工作线程内存不足/)]);
    expect(r.results.map((x) => x.i)).toEqual([0, 1, 2]);
  });
});
