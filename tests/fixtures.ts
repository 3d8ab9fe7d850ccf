/**
 * The tests' own disclosures. `tests/fixtures/seeds/` holds copies of the five Chongqing sample seeds, so a
 * district can replace `seeds/` (and `content/`) with its own disclosures and `npm test` still passes: no
 * test reads `seeds/` or `content/` except the content-freshness test, which checks whatever `seeds/` holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../scripts/ingest/run/corpus.ts';

/** Repository root (this file is tests/fixtures.ts). */
export const REPO_ROOT = join(import.meta.dirname, '..');
/** The address test builds are made for: a production build needs one (gongkai.config.ts). */
export const TEST_SITE = 'https://example.gov.cn/';
/** The fixture seeds: copies of the sample disclosures the tests were written against. */
export const FIXTURE_SEEDS_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'seeds');

let content: string | undefined;
/**
 * A content folder ingested from the fixture seeds, made once per test process (each vitest file runs in
 * its own process) and removed when it exits. Treat it as read-only; copy it to change it.
 */
export async function fixtureContentDir(): Promise<string> {
  if (content) return content;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-fixture-content-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  await ingest(FIXTURE_SEEDS_DIR, join(dir, 'content'));
  content = join(dir, 'content');
  return content;
}
