/**
 * Astro's incremental build (experimental.incrementalBuild with the cache keys of src/lib/cache-keys.ts):
 * after one seed changes, a build renders that record's pages and copies the others from the cache, and
 * the result is byte-identical to a full build of the same seeds.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { siteFiles } from './crawl.ts';
import { buildInto } from './site-build.ts';
import { FIXTURE_SEEDS_DIR } from '../../../tests/fixtures.ts';

const SEED = '002_ac23c2893b407c47.txt';
let dir: string;
let full: string;
let incremental: string;
let log: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-incremental-'));
  const seeds = join(dir, 'seeds');
  cpSync(FIXTURE_SEEDS_DIR, seeds, { recursive: true });
  // A full build fills the cache; then one seed's contact changes.
  buildInto(seeds, join(dir, 'content-1'), join(dir, 'site-1'));
  const text = readFileSync(join(seeds, SEED), 'utf8');
  const edited = text.replace(/联系人：[^\s，。；]+/, '联系人：增量构建测试');
  expect(edited).not.toBe(text);
  writeFileSync(join(seeds, SEED), edited);
  log = buildInto(seeds, join(dir, 'content-2'), join(dir, 'site-2'), { force: false });
  buildInto(seeds, join(dir, 'content-3'), join(dir, 'site-3'), { force: true });
  incremental = join(dir, 'site-2');
  full = join(dir, 'site-3');
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const recordId = (): string => {
  const index = JSON.parse(readFileSync(join(dir, 'content-2', 'index.json'), 'utf8')) as { id: string; file: string }[];
  return index.find((e) => e.file === SEED)!.id;
};

test('the changed record is rendered, the unchanged record pages are copied from the cache', () => {
  const id = recordId();
  expect(log).toMatch(new RegExp(`/${id}/index\\.html \\(\\+\\d+ms\\)`));
  expect(log).not.toMatch(new RegExp(`/${id}/index\\.html \\(restored\\)`));
  // Every other unit-year page is copied (the downloads are written after the pages, not cached).
  const others = (JSON.parse(readFileSync(join(dir, 'content-2', 'index.json'), 'utf8')) as unknown[]).length - 1;
  expect(others).toBeGreaterThanOrEqual(4);
  expect(log.match(/\/\d{4}\/index\.html \(restored\)/g)?.length ?? 0).toBe(others);
  expect(readFileSync(join(incremental, id, 'index.html'), 'utf8')).toContain('增量构建测试');
});

test('the incremental build is byte-identical to a full build of the same seeds', () => {
  const files = siteFiles(full);
  expect(siteFiles(incremental)).toEqual(files);
  const differing = files.filter((f) => !readFileSync(join(full, f)).equals(readFileSync(join(incremental, f))));
  expect(differing).toEqual([]);
});
