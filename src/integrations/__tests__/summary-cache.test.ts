/**
 * summary-cache.ts keeps the record summaries of one build for the next: a summary is taken only while its
 * file's stat stamp is unchanged, a rebuild appends only what changed, and a cache of other code or a damaged
 * one is not used. (A rebuild with the cache is compared with a full build byte for byte by
 * src/__tests__/browser/incremental.test.ts.)
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { readSummaryCache, writeSummaryCache } from '../summary-cache.ts';
import { fileStamp, readSummaries, recordDigest, recordFileDigest, rememberedSummaries, rememberSummaries, type RecordSummary } from '../../lib/records.ts';
import { listRecordFiles } from '../../domain/record-files.ts';
import { REPO_ROOT } from '../../../tests/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'summary-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const content = join(dir, 'content');
cpSync(join(REPO_ROOT, 'content'), content, { recursive: true });
const file = join(dir, 'cache', 'summaries.jsonl');

const summary = (id: string): RecordSummary => ({ id } as unknown as RecordSummary);
const entry = (name: string, stamp: string) => ({ file: `/c/${name}.json`, stamp, digest: `d-${stamp}`, summary: summary(name) });

test('written, read back; a rebuild appends the changed and gone entries; too many stale lines: rewritten', () => {
  const a = entry('a', '1'), b = entry('b', '1'), c = entry('c', '1'), d = entry('d', '1');
  expect(writeSummaryCache(file, 'salt', [a, b, c, d], readSummaryCache(file, 'salt'))).toBe(4);
  let read = readSummaryCache(file, 'salt');
  expect([...read.entries.values()]).toEqual([a, b, c, d]);
  expect(writeSummaryCache(file, 'salt', [a, b, c, d], read)).toBe(0);
  const b2 = entry('b', '2');
  // b changed, c is gone: two lines appended.
  expect(writeSummaryCache(file, 'salt', [a, b2, d], read)).toBe(2);
  read = readSummaryCache(file, 'salt');
  expect([...read.entries.values()].sort((x, y) => x.file.localeCompare(y.file))).toEqual([a, b2, d]);
  expect(read.lines).toBe(6);
  // 6 + 1 lines would be more than twice the 3 live entries: the file is written anew.
  const b3 = entry('b', '3');
  expect(writeSummaryCache(file, 'salt', [a, b3, d], read)).toBe(3);
  read = readSummaryCache(file, 'salt');
  expect(read.lines).toBe(3);
  expect([...read.entries.values()]).toEqual([a, b3, d]);
});

test('another code (salt), a line cut short or a damaged file: no cache', () => {
  writeSummaryCache(file, 'salt', [entry('a', '1')], { entries: new Map(), lines: 0 });
  expect(readSummaryCache(file, 'other').entries.size).toBe(0);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.slice(0, -5));
  expect(readSummaryCache(file, 'salt').entries.size).toBe(0);
  writeFileSync(file, `${text}{\n`);
  expect(readSummaryCache(file, 'salt').entries.size).toBe(0);
  expect(readSummaryCache(join(dir, 'none.jsonl'), 'salt').entries.size).toBe(0);
});

test('a remembered summary is used while its file\'s stamp is unchanged; a rewritten file is read again', () => {
  const files = listRecordFiles(content);
  expect(files.length).toBeGreaterThanOrEqual(3);
  const real = readSummaries(content);
  // As if from an earlier build: marked summaries and made-up digests, with the files' current stamps.
  rememberSummaries(files.map((f, i) => ({ file: f, stamp: fileStamp(f), digest: `earlier-${i}`, summary: { ...real[i]!, marker: i } as RecordSummary })));
  // The ingest replaces a changed record file by a new one.
  const changed = files[1]!;
  const text = readFileSync(changed, 'utf8');
  rmSync(changed);
  writeFileSync(changed, text.replace('"id"', ' "id"'));
  const got = readSummaries(content, { reuse: true });
  expect(got.map((s) => (s as { marker?: number }).marker)).toEqual(files.map((_, i) => (i === 1 ? undefined : i)));
  expect(got[1]).toEqual(real[1]);
  expect(recordFileDigest(files[0]!)).toBe('earlier-0');
  expect(recordDigest(got[0]!)).toBe('earlier-0');
  expect(recordFileDigest(changed)).toBe(createHash('sha256').update(readFileSync(changed)).digest('hex'));
  expect(recordDigest(got[1]!)).toBe(recordFileDigest(changed));
  // What the next build's cache gets: every listed file, the changed one with its new stamp and digest.
  expect(rememberedSummaries().map((e) => [e.file, e.stamp, e.digest])).toEqual(files.map((f, i) => [f, fileStamp(f), i === 1 ? recordFileDigest(changed) : `earlier-${i}`]));
});
