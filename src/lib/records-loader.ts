/**
 * The `records` content collection's loader (Astro's Content Loader API; registered in src/content.config.ts):
 * `getCollection('records')` gives one entry per record the build shows — the release rules of
 * src/domain/release.ts applied as the pages apply them (no draft and no embargoed record in a production
 * build; of a corrected unit-year, its current version) — holding a small part of the validated summary
 * (src/domain/schema/record-entry.ts).
 *
 * The site's own pages do not use it: they read content/ with `fs` (src/lib/records.ts), which a
 * province-scale build needs (BENCHMARKS.md, “Content collections”). The loader reads through the same
 * `readSummaries`, and the pages then reuse what it read. Each entry's digest is its record file's SHA-256,
 * so an unchanged record is not stored again. In the dev server it reloads after the ingest rewrites
 * content/index.json (always last, scripts/ingest/run/live.ts), reading only the record files that changed.
 * Used only when gongkai.config.ts says `collections: true` (src/content.config.ts).
 */
import { join, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentDir } from '../domain/content-dir.ts';
import { recordFile } from '../domain/record-files.ts';
import { previewMode, releaseToday } from '../domain/release.ts';
import { recordEntrySchema, type RecordEntry } from '../domain/schema/record-entry.ts';
import { readSummaries, recordDigest, visibleVersions, type RecordSummary } from './records.ts';
import { recordPath } from './routes.ts';

/** The loader's name (an integration can reload the collection with `refreshContent({ loaders: ['gongkai:records'] })`). */
const RECORDS_LOADER = 'gongkai:records';

/** Quiet time after the last rewrite of content/index.json before the dev server refreshes the collection. */
const DEV_REFRESH_DELAY_MS = 2000;

/** A summary's collection entry. */
export function recordEntry(s: RecordSummary): RecordEntry {
  return {
    id: s.id, slug: s.slug, identity: s.identity, keyFigures: s.keyFigures, release: s.release,
    ...(s.revision ? { revision: s.revision } : {}),
    path: recordPath(s), file: recordFile(s).split('\\').join('/'),
  };
}

/**
 * Puts the records a build shows from `dir` into `store` (one entry per record id), removes the others, and
 * returns how many entries changed. `preview` and `today` as in src/domain/release.ts.
 */
export function syncRecords(
  store: LoaderContext['store'], dir: string, opts: { preview: boolean; today: string },
): { entries: number; changed: number } {
  const { current } = visibleVersions(readSummaries(dir, { reuse: true }), opts);
  const ids = new Set<string>();
  let changed = 0;
  for (const s of current) {
    ids.add(s.id);
    if (store.set({ id: s.id, data: recordEntry(s), digest: recordDigest(s) })) changed++;
  }
  for (const id of store.keys()) {
    if (!ids.has(id)) {
      store.delete(id);
      changed++;
    }
  }
  return { entries: ids.size, changed };
}

/** The loader; `dir` defaults to the content folder the site reads (`GONGKAI_CONTENT_DIR` or content/). */
export function recordsLoader(options: { dir?: string } = {}): Loader {
  return {
    name: RECORDS_LOADER,
    schema: recordEntrySchema,
    load: async ({ store, watcher, logger }) => {
      const dir = resolve(options.dir ?? contentDir());
      // Dev: GONGKAI_DEV_SERVER is set by the seed watcher's astro:config:setup, before collections load.
      const sync = (): void => {
        const { entries, changed } = syncRecords(store, dir, { preview: previewMode(), today: releaseToday() });
        logger.debug(`${entries} records, ${changed} changed`);
      };
      sync();
      if (!watcher) return;
      const index = join(dir, 'index.json');
      watcher.add(index);
      // After an edit the site's own pages are rendered first: the collection is refreshed once the ingest
      // has been quiet for DEV_REFRESH_DELAY_MS, so that storing it (Astro serialises the whole collection)
      // does not hold up the page being edited.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onChange = (path: string): void => {
        if (resolve(path) !== index) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          try {
            sync();
          } catch (e) {
            logger.error((e as Error).message);
          }
        }, DEV_REFRESH_DELAY_MS);
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
    },
  };
}
