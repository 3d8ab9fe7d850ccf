/**
 * keep-output.ts decides which files of a kept output folder are stale after a build: present before it,
 * neither listed as the build's pages nor written again. (The build itself is tested end to end by
 * src/__tests__/browser/incremental.test.ts, which compares an in-place rebuild with a full build.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { inventory, staleFiles } from '../keep-output.ts';

const dir = mkdtempSync(join(tmpdir(), 'keep-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('stale: present before, not a page of this build, not written again; new files are never stale', async () => {
  mkdirSync(join(dir, 'a/2025'), { recursive: true });
  for (const f of ['index.html', 'a/2025/index.html', 'a/2025/record.json', 'old.css']) writeFileSync(join(dir, f), 'before');
  const before = inventory(dir);
  expect([...before.keys()].sort()).toEqual(['a/2025/index.html', 'a/2025/record.json', 'index.html', 'old.css']);
  await new Promise((r) => setTimeout(r, 20));
  writeFileSync(join(dir, 'index.html'), 'rewritten');
  writeFileSync(join(dir, 'new.css'), 'new');
  // a/2025/index.html was kept in place by Astro (listed as a page); record.json and old.css were not written.
  expect(staleFiles(dir, before, new Set(['a/2025/index.html', 'index.html']))).toEqual(['a/2025/record.json', 'old.css']);
  expect(staleFiles(dir, before, new Set())).toEqual(['a/2025/index.html', 'a/2025/record.json', 'old.css']);
  // A file already gone is not stale.
  rmSync(join(dir, 'old.css'));
  expect(staleFiles(dir, before, new Set())).toEqual(['a/2025/index.html', 'a/2025/record.json']);
});
