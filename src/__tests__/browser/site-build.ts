/**
 * The sites the browser tests run against, each built once per test run and shared between test files
 * (vitest runs every file in its own process, so the cache lives on disk: one folder per run, keyed by the
 * vitest main process id). A build is exactly `npm run build` on temp folders: ingest a seeds folder into a
 * content folder, `astro build` with GONGKAI_CONTENT_DIR pointing at it, then the search index.
 * Builds run one at a time across processes (a lock folder), since Astro keeps one content cache per project.
 *
 * Variants:
 *   normal   the fixture seeds (tests/fixtures/seeds/), at the site root
 *   again    the same seeds built a second time (determinism)
 *   base     the fixture seeds under the sub-path BASE_PATH, plus disclosures as units publish them
 *            (tests/published-seeds.ts): a PDF, and a folder holding a PDF and the tables as a web page
 *   hostile  fixtures/hostile.txt (seed 000 with script, HTML, MDX and formula payloads) plus seed 002
 *            and a PDF (DRAFT_PDF) marked `status: draft`, which must never appear
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UnitYearRecord } from '../../domain/schema/record.ts';
import { FIXTURE_SEEDS_DIR, TEST_SITE } from '../../../tests/fixtures.ts';
import { PUBLISHED, pdfOf, seed004As, writePublishedSeeds } from '../../../tests/published-seeds.ts';

export type Variant = 'normal' | 'again' | 'base' | 'hostile';

export interface BuiltSite {
  variant: Variant;
  /** The built site (Astro outDir). */
  outDir: string;
  /** The base the site was built for: '/' or BASE_PATH. */
  base: string;
  /** The content folder the site was built from. */
  contentDir: string;
}

/** Sub-path of the `base` variant. */
export const BASE_PATH = '/sub/path/';
/** The seed copied as a draft into the hostile site. */
export const DRAFT_SEED = '002_ac23c2893b407c47.txt';
/** The PDF seed copied as a draft into the hostile site (tests/published-seeds.ts). */
export const DRAFT_PDF = PUBLISHED.pdf.file;
/** A file the hostile seed's `import … writeFileSync(…)` line would create in the project if it ever ran. */
export const PWNED_FILE = 'gongkai-pwned.txt';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SEEDS = FIXTURE_SEEDS_DIR;
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const PREFIX = 'gongkai-browser-';
const RUN_DIR = join(tmpdir(), `${PREFIX}${process.ppid}`);
const LOCK = join(RUN_DIR, 'build.lock');
const LOCK_TIMEOUT_MS = 10 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the folders of earlier test runs whose vitest process has ended. */
function sweepOldRuns(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(name.slice(PREFIX.length));
    if (name.startsWith(PREFIX) && Number.isInteger(pid) && pid !== process.ppid && !alive(pid)) {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

/** Fills `dir` with the variant's seed files. */
function writeSeeds(variant: Variant, dir: string): void {
  mkdirSync(dir, { recursive: true });
  if (variant === 'hostile') {
    copyFileSync(join(FIXTURES, 'hostile.txt'), join(dir, 'hostile.txt'));
    copyFileSync(join(SEEDS, DRAFT_SEED), join(dir, DRAFT_SEED));
    writeFileSync(join(dir, `${DRAFT_SEED}.meta.yml`), 'status: draft\n');
    writeFileSync(join(dir, DRAFT_PDF), pdfOf(seed004As('数据资源中心').text));
    writeFileSync(join(dir, `${DRAFT_PDF}.meta.yml`), 'status: draft\n');
    return;
  }
  for (const name of readdirSync(SEEDS)) copyFileSync(join(SEEDS, name), join(dir, name));
  if (variant === 'base') writePublishedSeeds(dir);
}

/** Runs a Node script of the project with the project's Node (the one running the tests). */
function node(args: string[], env: NodeJS.ProcessEnv): string {
  try {
    return execFileSync(process.execPath, args, { cwd: ROOT, env, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 }).toString();
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`${args.join(' ')} failed: ${err.message}\n${err.stdout?.toString() ?? ''}\n${err.stderr?.toString() ?? ''}`);
  }
}

/**
 * `npm run build` of `seedsDir` into `contentDir` and `outDir`; returns what `astro build` printed. With
 * `force` (the default for the shared test sites) every page is rendered, not copied from Astro's
 * incremental-build cache, which all builds of this project share.
 */
export function buildInto(
  seedsDir: string, contentDir: string, outDir: string, opts: { base?: string; force?: boolean } = {},
): string {
  const { base = '/', force = true } = opts;
  // A production build as `npm run build` runs it, with none of the test runner's variables: vitest sets
  // NODE_ENV=test and Vite's DEV/PROD/MODE…, and Astro reads NODE_ENV=test or DEV=1 as a development
  // build, which renders drafts with the preview banner.
  const env: NodeJS.ProcessEnv = { GONGKAI_CONTENT_DIR: contentDir, GONGKAI_SITE: TEST_SITE };
  for (const key of ['PATH', 'HOME', 'LANG', 'TMPDIR']) if (process.env[key] !== undefined) env[key] = process.env[key];
  node(['scripts/cli/ingest.ts', seedsDir, contentDir, '--quiet'], env);
  const log = node([
    'node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir,
    ...(base === '/' ? [] : ['--base', base]), ...(force ? ['--force'] : []),
  ], env);
  return log;
}

function build(variant: Variant, dir: string): BuiltSite {
  const seedsDir = join(dir, 'seeds');
  const contentDir = join(dir, 'content');
  const outDir = join(dir, 'site');
  const base = variant === 'base' ? BASE_PATH : '/';
  rmSync(dir, { recursive: true, force: true });
  writeSeeds(variant, seedsDir);
  buildInto(seedsDir, contentDir, outDir, { base });
  return { variant, outDir, base, contentDir };
}

/** The built site of `variant`, building it if no test file of this run has. */
export async function builtSite(variant: Variant): Promise<BuiltSite> {
  const dir = join(RUN_DIR, variant);
  const done = join(RUN_DIR, `${variant}.json`);
  const started = Date.now();
  for (;;) {
    if (existsSync(done)) {
      const result = JSON.parse(readFileSync(done, 'utf8')) as BuiltSite | { error: string };
      if ('error' in result) throw new Error(`building the ${variant} site failed (in another test file):\n${result.error}`);
      return result;
    }
    mkdirSync(RUN_DIR, { recursive: true });
    let locked = false;
    try {
      mkdirSync(LOCK);
      locked = true;
    } catch {
      // another process is building
    }
    if (locked) {
      try {
        if (existsSync(done)) continue;
        sweepOldRuns();
        try {
          writeFileSync(done, JSON.stringify(build(variant, dir)));
        } catch (e) {
          writeFileSync(done, JSON.stringify({ error: (e as Error).message }));
        }
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
      continue;
    }
    if (Date.now() - started > LOCK_TIMEOUT_MS) throw new Error(`timed out waiting for ${LOCK}`);
    await sleep(250);
  }
}

/** The records a site was built from (its content folder), sorted by id. */
export function readRecords(contentDir: string): UnitYearRecord[] {
  const root = join(contentDir, 'records');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(root, f), 'utf8')) as UnitYearRecord)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
