/**
 * A throwaway copy of the project for build tests: the working tree (sources, config) without build
 * output, git data, seeds/ or content/ (its seeds/ holds the fixture seeds instead), with node_modules linked, and Astro's and Vite's caches inside the
 * copy so that builds running elsewhere at the same time never share a data store.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REPO_ROOT, SEEDS_DIR } from '../../ingest/__tests__/helpers.ts';
import { childEnv, type RunResult } from './helpers.ts';

/** Top-level entries never copied: dependencies, output, caches, git, the site's own seeds and content, scratch. */
const SKIP = /^(node_modules|dist.*|\.git|\.astro|\.ci|seeds|content|\.tmp.*|bench-results|.*\.log)$/;

/** Copies the project into `dest` (an existing empty folder). */
export function copyProject(dest: string): void {
  for (const name of readdirSync(REPO_ROOT)) {
    if (!SKIP.test(name)) cpSync(join(REPO_ROOT, name), join(dest, name), { recursive: true });
  }
  cpSync(SEEDS_DIR, join(dest, 'seeds'), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dest, 'node_modules'), 'dir');
  renameSync(join(dest, 'astro.config.mjs'), join(dest, 'astro.config.base.mjs'));
  writeFileSync(join(dest, 'astro.config.mjs'), [
    "import base from './astro.config.base.mjs';",
    "export default { ...base, cacheDir: './.cache/astro', vite: { ...base.vite, cacheDir: './.cache/vite' } };",
    '',
  ].join('\n'));
}

/** Runs `npm run <script> [-- args]` in `cwd` (asynchronously, so the test runner stays responsive). */
export function npmRun(cwd: string, script: string, env: Record<string, string> = {}, args: string[] = []): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', script, ...(args.length ? ['--', ...args] : [])], { cwd, env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Every file under `dir` with its text; gzip files (Pagefind's index and fragments) are decompressed. */
export function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        let bytes = readFileSync(p);
        if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
        out.set(relative(dir, p), bytes.toString('utf8'));
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** `file: needle` for every needle found in any file of the tree. */
export function occurrences(tree: ReadonlyMap<string, string>, needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const [file, text] of tree) for (const n of needles) if (text.includes(n)) hits.push(`${file}: ${n}`);
  return hits;
}

/** A TCP port nobody listens on right now (for a dev server under test). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
