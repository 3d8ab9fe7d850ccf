/**
 * Build integration: a rebuild keeps the output folder's unchanged files instead of deleting every file and
 * writing it again. At province scale the output holds ~70,000 files; emptying it and copying every cached
 * page back cost most of a rebuild's time on a busy disk (BENCHMARKS.md, "Incremental rebuilds").
 *
 * Astro empties the output folder unless `vite.build.emptyOutDir` is false (astro.config.mjs sets it so); with
 * the folder kept, a page whose cache key is unchanged (src/lib/cache-keys.ts) is left where it is. This
 * integration makes that safe:
 *
 * - **Only the folder the last build wrote is kept.** Astro's incremental cache (node_modules/.astro) is one
 *   per project, so a kept page is right only when the folder was written by the build that wrote the cache
 *   manifest. A stamp in the cache folder names the output folder of the last build that finished; a build
 *   into another folder, after a failed build, or with `--force` empties the folder first, as Astro would.
 * - **Nothing stale survives.** After the pages, the sitemap and the downloads are written (this
 *   integration comes after them, and before the search index, so the index never reads a stale page), every
 *   file that this build neither produced as a page (restored or kept: Astro lists them) nor wrote (new, or
 *   changed since the build began) is deleted, then empty folders. A record that became a draft or is
 *   embargoed loses its pages and downloads like a full build would; the incremental build test compares
 *   the result with a full build byte for byte.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { statStamp } from '../domain/file-stamp.ts';

/** The stamp file in Astro's cache folder. */
const STAMP = 'gongkai-output.json';

interface Stamp {
  /** Absolute path of the output folder. */
  outDir: string;
  /** `done` once a build has finished writing it. */
  state: 'building' | 'done';
}

/** Every file under `dir` (relative, `/`-separated) with its stat stamp (modification time, size, inode). */
export function inventory(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const s = statSync(path);
        out.set(relative(dir, path).split(sep).join('/'), statStamp(s));
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Empties `dir` (keeps the folder). */
function emptyFolder(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
}

/** Removes the folders of `paths` (relative to `dir`) and their parents that are empty (not `dir` itself). */
function removeEmptyFolders(dir: string, paths: readonly string[]): void {
  const folders = new Set<string>();
  for (const p of paths) for (let d = posix.dirname(p); d !== '.' && !folders.has(d); d = posix.dirname(d)) folders.add(d);
  // Deepest first, so that a parent is tried after its children.
  for (const d of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    try {
      rmdirSync(join(dir, d));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') throw e;
    }
  }
}

/**
 * The files of `dir` to delete after a build: those present before it began (`before`, from `inventory`) that
 * the build neither listed as its pages (`kept`) nor wrote again (their stamp is unchanged now), and none it
 * created. Only the files not kept are looked at again, not the whole folder.
 */
export function staleFiles(dir: string, before: ReadonlyMap<string, string>, kept: ReadonlySet<string>): string[] {
  const stale: string[] = [];
  for (const [path, stamp] of before) {
    if (kept.has(path)) continue;
    const s = statSync(join(dir, path), { throwIfNoEntry: false });
    if (s?.isFile() && statStamp(s) === stamp) stale.push(path);
  }
  return stale.sort();
}

/** Files another integration left in place this build (unchanged, so not written again): not stale. */
const declared = new Set<string>();

/**
 * Declares output files (relative to the output folder, `/`-separated) that this build keeps without
 * writing them again (the downloads writer's unchanged records), so that they are not removed as stale.
 */
export function keepInOutput(paths: Iterable<string>): void {
  for (const p of paths) declared.add(p);
}

/** Folders another integration owns and updates in place after the build (the search bundle): nothing in them is stale. */
const declaredFolders = new Set<string>();

/** Declares an output folder (relative, `/`-separated) whose files, as they were when the build began, are kept. */
export function keepFolderInOutput(folder: string): void {
  declaredFolders.add(`${folder.replace(/\/+$/, '')}/`);
}

/** The output folder's files when this build began (`inventory`), once keep-output's build:start has run. */
let before: Map<string, string> | null = null;

/**
 * The files (relative, `/`-separated) that were in the output folder when this build began, or null outside a
 * build. The build deletes none of them before keep-output's build:done (which runs after the downloads).
 */
export function presentAtStart(): { has(path: string): boolean } | null {
  return before;
}

export default function keepOutput(): AstroIntegration {
  let outDir = '';
  let stampFile = '';
  return {
    name: 'gongkai:keep-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir).replace(/\/+$/, '');
        stampFile = join(fileURLToPath(config.cacheDir), STAMP);
      },
      'astro:build:start': ({ logger }) => {
        let stamp: Stamp | null = null;
        try {
          stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as Stamp;
        } catch { /* no earlier build */ }
        const force = process.argv.includes('--force');
        if (force || stamp?.outDir !== outDir || stamp.state !== 'done') {
          if (existsSync(outDir) && readdirSync(outDir).length) logger.info('emptying the output folder (it was not written by the last finished build)');
          emptyFolder(outDir);
        }
        mkdirSync(join(stampFile, '..'), { recursive: true });
        writeFileSync(stampFile, `${JSON.stringify({ outDir, state: 'building' } satisfies Stamp)}\n`);
        before = inventory(outDir);
        declared.clear();
        declaredFolders.clear();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir).replace(/\/+$/, '');
        const kept = new Set<string>(declared);
        declared.clear();
        const folders = [...declaredFolders];
        declaredFolders.clear();
        if (folders.length) for (const path of before?.keys() ?? []) if (folders.some((f) => path.startsWith(f))) kept.add(path);
        for (const urls of assets.values()) for (const u of urls) kept.add(relative(root, fileURLToPath(u)).split(sep).join('/'));
        const stale = staleFiles(root, before ?? new Map(), kept);
        before = null;
        for (const path of stale) rmSync(join(root, path), { force: true });
        removeEmptyFolders(root, stale);
        writeFileSync(stampFile, `${JSON.stringify({ outDir: root, state: 'done' } satisfies Stamp)}\n`);
        logger.info(`${stale.length} stale files removed from the output folder`);
      },
    },
  };
}
