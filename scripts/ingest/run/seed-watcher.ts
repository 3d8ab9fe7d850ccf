/**
 * Dev-server integration: keeps content/ up to date with seeds/ while `astro dev` runs, so the preview
 * shows an edit without a restart. Does nothing in `astro build` (the build script runs the ingest itself).
 *
 * At server start the whole of seeds/ is ingested once in the background (worker threads; content/ is left
 * alone when it is already up to date) and every seed's summary is kept (scripts/ingest/run/live.ts). When a
 * seed or its sidecar changes, only that seed is parsed again, the checks across files are redone, and only
 * the record files that change are replaced in place, then glossary.json, errors.json and, always last,
 * index.json (whose mtime tells src/lib/records.ts that content/ changed: it re-reads the files that
 * changed). Then the browser is told to reload.
 */
import { fileURLToPath } from 'node:url';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { contentDir as defaultContentDir } from '../../../src/domain/content-dir.ts';
import { LiveContent } from './live.ts';
import { formatDiagnostic, type Diagnostic } from '../errors.ts';

/** Folders, relative to the project root. */
export interface SeedWatcherOptions {
  /** Default `seeds`. */
  seedsDir?: string;
  /** Default `GONGKAI_CONTENT_DIR` or `content`, the folder the site reads (src/lib/records.ts). */
  contentDir?: string;
  /** Quiet period after the last change before ingesting, ms (editors write files in several steps). */
  debounceMs?: number;
}

/** True when `path` is inside `dir` (or is `dir`). */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * For Vite's watcher: true (not watched) for what is inside `content` other than its index.json, and for the
 * ingest's sibling staging folders (`<content>.tmp-*`, `<content>.old-*`, scripts/ingest/stages/write.ts).
 */
export function contentWatchFilter(content: string): (path: string) => boolean {
  const index = join(content, 'index.json');
  const staging = new RegExp(`^${content.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-`);
  return (path) => {
    const p = resolve(path);
    return staging.test(p) || (p !== content && p !== index && isInside(p, content));
  };
}

/** The Astro integration; add it to `integrations` in astro.config.mjs. */
export default function seedWatcher(options: SeedWatcherOptions = {}): AstroIntegration {
  const { seedsDir = 'seeds', contentDir = defaultContentDir(), debounceMs = 50 } = options;
  let root = process.cwd();
  let command: string | undefined;
  return {
    name: 'gongkai:seed-watcher',
    hooks: {
      'astro:config:setup': ({ command: c, config, updateConfig }) => {
        command = c;
        // The one source of "this is the dev server" for the release rules (src/domain/release.ts).
        if (command === 'dev') process.env.GONGKAI_DEV_SERVER = '1';
        else delete process.env.GONGKAI_DEV_SERVER;
        if (command !== 'dev') return;
        // Vite's file watcher need not see content/'s record files or the ingest's staging folders: the pages
        // read them with fs and this integration reloads the pages itself. Each JSON file Vite sees added,
        // changed or removed makes Astro reload its content config; at 10,000 records the start-up ingest's
        // staging folder (20,000 events) cost ≈ 45 s of the dev server's start. content/index.json stays
        // watched: the `records` collection's loader refreshes on it (src/lib/records-loader.ts).
        updateConfig({ vite: { server: { watch: { ignored: [contentWatchFilter(resolve(fileURLToPath(config.root), contentDir))] } } } });
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server, logger }) => {
        // `astro sync` (npm run typecheck) also sets up a server; only the dev server watches seeds/.
        if (command !== 'dev') return;
        const seeds = resolve(root, seedsDir);
        const content = resolve(root, contentDir);
        let timer: ReturnType<typeof setTimeout> | undefined;
        let live: LiveContent | null = null;
        const changed = new Set<string>();
        // Relative paths so that diagnostics read `seeds/x.txt:12: …`, as the CLI prints them.
        const rel = (p: string): string => relative(process.cwd(), p) || p;
        const warn = (outcomes: { record: unknown; diagnostics: Diagnostic[] }[]): void => {
          for (const o of outcomes) if (!o.record) for (const d of o.diagnostics) logger.warn(formatDiagnostic(d));
        };
        const reload = (): void => {
          // Astro's dev server caches every route's getStaticPaths(); the pages read content/ with fs, not
          // through a module Vite tracks, so tell the server-side environments that content changed (the
          // event Astro's own content layer sends: it clears the route cache), else a seed added while the
          // server runs would have no page and index pages would list stale summaries.
          for (const name of ['ssr', 'prerender']) server.environments?.[name]?.hot.send('astro:content-changed', {});
          (server.environments?.client?.hot ?? server.hot).send({ type: 'full-reload', path: '*' });
        };

        /** Full ingest, once at start (and again after a failed update): content/ swapped only if stale. */
        const start = async (): Promise<void> => {
          const started = performance.now();
          changed.clear();
          try {
            const { live: l, result } = await LiveContent.start(rel(seeds), rel(content));
            live = l;
            warn(result.outcomes);
            const ms = Math.round(performance.now() - started);
            if (result.changed) {
              reload();
              logger.info(`seeds/: ${result.published.length} records ingested into content/ in ${ms} ms`);
            } else logger.info(`seeds/: content/ is up to date (${result.published.length} records, checked in ${ms} ms)`);
          } catch (e) {
            live = null;
            logger.error(`ingest failed, content/ left as it was: ${(e as Error).message}`);
          }
        };

        const run = async (): Promise<void> => {
          if (!live) return start();
          const started = performance.now();
          const paths = [...changed];
          changed.clear();
          try {
            const u = await live.update(paths);
            warn(u.parsed);
            if (!u.written.length && !u.removed.length) return;
            reload();
            const files = [...u.written, ...u.removed.map((p) => `${p} (removed)`)];
            logger.info(`seeds/ changed: ${files.join(', ')} updated in ${Math.round(performance.now() - started)} ms`);
          } catch (e) {
            // The next change ingests everything again.
            live = null;
            logger.error(`update of content/ failed (${(e as Error).message}); the next change ingests all of seeds/ again`);
          }
        };
        let queue: Promise<void> = start();
        const onEvent = (path: string): void => {
          if (!isInside(path, seeds)) return;
          changed.add(path);
          clearTimeout(timer);
          timer = setTimeout(() => { queue = queue.then(run); }, debounceMs);
        };
        server.watcher.add(seeds);
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onEvent);
      },
    },
  };
}
