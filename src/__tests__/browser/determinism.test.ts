/**
 * Two builds of the same seeds (ingest, astro build, search index, each from scratch into its own
 * folders) are byte-identical: same files, same bytes, search index included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { siteFiles } from './crawl.ts';
import { builtSite } from './site-build.ts';

test('two builds of the same seeds are byte-identical', async () => {
  const first = await builtSite('normal');
  const second = await builtSite('again');
  const files = siteFiles(first.outDir);
  expect(siteFiles(second.outDir)).toEqual(files);
  expect(files.filter((f) => f.startsWith('pagefind/')).length).toBeGreaterThan(5);
  const differing = files.filter((f) => !readFileSync(join(first.outDir, f)).equals(readFileSync(join(second.outDir, f))));
  expect(differing).toEqual([]);
});
