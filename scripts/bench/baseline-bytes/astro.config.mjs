// @ts-check
/**
 * The same-bytes baseline of `npm run bench`: bare Astro writing one page per unit-year page of the real
 * site, each page the real page's built HTML as one static string (read from the real dist/, listed in the
 * JSON file named by env BENCH_PAGES). It writes the same bytes as the real unit-year pages with none of the
 * site's work (records, layout, components, glossary, charts' data): the floor for a site of that size.
 * Built with `astro build --root <work dir>/baseline-bytes`: output and caches stay in the work dir.
 */
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  srcDir: new URL('./src', import.meta.url).pathname,
  trailingSlash: 'always',
  build: { format: 'directory' },
});
