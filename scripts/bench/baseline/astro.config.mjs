// @ts-check
/**
 * The bare-Astro baseline of `npm run bench`: the same number of unit-year pages as the real site, each a
 * single table of the record's key figures, read from one JSON file (env BENCH_RECORDS, written by the bench
 * from the ingested content). No content collections, layouts, components, CSS or integrations.
 * Built with `astro build --root <work dir> --config <this file>`: output and caches stay in the work dir.
 */
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  srcDir: new URL('./src', import.meta.url).pathname,
  trailingSlash: 'always',
  build: { format: 'directory' },
});
