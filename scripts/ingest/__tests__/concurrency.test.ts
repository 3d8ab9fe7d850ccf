/**
 * Issue 19 case 3 — two ingests at once (an editor's save while a build runs; two terminals). content/ has
 * one writer at a time (scripts/ingest/run/lock.ts): the second waits and then writes, so after every round
 * index.json lists exactly the record files present, nothing temporary is left, and both runs say so
 * truthfully. A lock left by a killed process is taken over; one held too long is refused with a message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder, REPO_ROOT, SEEDS_DIR, tempDir } from './helpers.ts';
import { lockPath } from '../run/lock.ts';

const NODE = join(REPO_ROOT, 'node_modules/.bin/node');
const CLI = join(REPO_ROOT, 'scripts/cli/ingest.ts');
const ROUNDS = 3;

let dir: ReturnType<typeof tempDir>;
let seeds: string;
let content: string;
beforeAll(() => {
  dir = tempDir('concurrent');
  seeds = join(dir.path, 'seeds');
  content = join(dir.path, 'content');
  cpSync(SEEDS_DIR, seeds, { recursive: true });
});
afterAll(() => dir.cleanup());

/** Runs the ingest CLI; resolves with its exit status and output. */
const run = (env: Record<string, string> = {}): Promise<{ status: number | null; out: string; err: string }> => new Promise((done) => {
  const child = spawn(NODE, [CLI, seeds, content, '--quiet'], { cwd: dir.path, env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
  child.stderr.on('data', (b: Buffer) => { err += b.toString(); });
  child.on('close', (status) => done({ status, out, err }));
});

/** index.json lists exactly the record files present, and nothing temporary is left beside content/. */
function consistent(): void {
  const index = JSON.parse(readFileSync(join(content, 'index.json'), 'utf8')) as { id: string; version?: number }[];
  const listed = index.map((e) => `${e.id}${e.version ? `.v${e.version}` : ''}.json`).sort();
  expect(filesUnder(join(content, 'records'))).toEqual(listed);
  expect(listed).toHaveLength(5);
  expect(readdirSync(dir.path).sort()).toEqual(['content', 'seeds']);
}

describe('two ingests at once', () => {
  it(`${ROUNDS} rounds, a seed changed between rounds: every run succeeds and content/ is whole`, async () => {
    const file = join(seeds, readdirSync(seeds).sort()[0]!);
    const original = readFileSync(file, 'utf8');
    for (let round = 0; round < ROUNDS; round++) {
      writeFileSync(file, `${original}${'\n附：第' + round + '轮。\n'}`);
      const [a, b] = await Promise.all([run(), run()]);
      for (const r of [a, b]) {
        expect(r.err.replace(/^ingest: 另一个导入.*\n/m, '')).toBe('');
        expect(r.status).toBe(0);
        expect(r.out).toMatch(/5 份记录已写入/);
      }
      consistent();
    }
  }, 120_000);

  it('a lock left by a killed process is taken over', async () => {
    const dead = spawnSync(NODE, ['-e', 'process.exit(0)']).pid!;
    writeFileSync(lockPath(content), `${dead} x`);
    const r = await run();
    expect(r.status).toBe(0);
    consistent();
  }, 60_000);

  it('a lock held by a live process past the wait is refused with file:line: what and why', async () => {
    const holder = spawn(NODE, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(lockPath(content), `${holder.pid} x`);
      const r = await run({ GONGKAI_LOCK_WAIT_MS: '300' });
      expect(r.status).toBe(1);
      expect(r.err).toMatch(new RegExp(`content\\.lock:1: 另一个导入（进程 ${holder.pid}）正在写入 content/，已等待 \\d+ 秒`));
      expect(r.err).not.toMatch(/\n\s+at /);
    } finally {
      holder.kill();
      writeFileSync(lockPath(content), '');
    }
    expect(existsSync(join(content, 'index.json'))).toBe(true);
  }, 60_000);
});
