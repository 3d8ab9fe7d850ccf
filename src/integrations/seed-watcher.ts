/**
 * Dev-server integration: when a seed or its sidecar under seeds/ changes, re-run the ingest in-process
 * (seeds/ → content/) and refresh the content layer, so the preview shows the edit without a restart.
 * Does nothing in `astro build` (the build script runs the ingest itself).
 */
import { fileURLToPath } from 'node:url';
import { isAbsolute, relative, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { contentDir as defaultContentDir } from '../lib/content-dir.ts';
import { ingest } from '../../scripts/ingest/corpus.ts';
import { formatDiagnostic } from '../../scripts/ingest/errors.ts';

/** Folders, relative to the project root. */
export interface SeedWatcherOptions {
  /** Default `seeds`. */
  seedsDir?: string;
  /** Default `GONGKAI_CONTENT_DIR` or `content`, the folder the content layer reads. */
  contentDir?: string;
  /** Quiet period after the last change before ingesting, ms (editors write files in several steps). */
  debounceMs?: number;
}

/** True when `path` is inside `dir` (or is `dir`). */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The Astro integration; add it to `integrations` in astro.config.mjs. */
export default function seedWatcher(options: SeedWatcherOptions = {}): AstroIntegration {
  const { seedsDir = 'seeds', contentDir = defaultContentDir(), debounceMs = 50 } = options;
  let root = process.cwd();
  return {
    name: 'gongkai:seed-watcher',
    hooks: {
      'astro:config:setup': ({ command }) => {
        // The one source of "this is the dev server" for the release rules (src/lib/visibility.ts).
        if (command === 'dev') process.env.GONGKAI_DEV_SERVER = '1';
        else delete process.env.GONGKAI_DEV_SERVER;
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        const seeds = resolve(root, seedsDir);
        const content = resolve(root, contentDir);
        let timer: ReturnType<typeof setTimeout> | undefined;
        let queue: Promise<void> = Promise.resolve();

        const run = async (): Promise<void> => {
          const started = performance.now();
          try {
            // Relative paths so that diagnostics read `seeds/x.txt:12: …`, as the CLI prints them.
            const { outcomes, content: written } = ingest(relative(process.cwd(), seeds), relative(process.cwd(), content));
            for (const o of outcomes) if (!o.record) for (const d of o.diagnostics) logger.warn(formatDiagnostic(d));
            await refreshContent?.({});
            logger.info(`seeds/ changed: ${written.records.length} records re-ingested in ${Math.round(performance.now() - started)} ms`);
          } catch (e) {
            logger.error(`re-ingest failed, content/ left as it was: ${(e as Error).message}`);
          }
        };
        const onEvent = (path: string): void => {
          if (!isInside(path, seeds)) return;
          clearTimeout(timer);
          timer = setTimeout(() => { queue = queue.then(run); }, debounceMs);
        };
        server.watcher.add(seeds);
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onEvent);
      },
    },
  };
}
