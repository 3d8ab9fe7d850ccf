/**
 * Parsing on worker threads and the streaming ingest give exactly what the single-threaded ingest gives:
 * the same outcomes and the same content/, byte for byte, on a generated corpus of 300 documents with a
 * duplicate, unreadable files, sidecars and cross-year findings. And a re-ingest hard-links the records
 * that did not change instead of writing them again, without ever altering the previous content/.
 */
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles, ingestToContent, listSeeds } from '../run/corpus.ts';
import { contentFiles, writeContent } from '../stages/write.ts';
import { lastPoolStats } from '../run/pool.ts';
import { writeCorpus } from '../../bench/generate.ts';
import { folderDifferences, tempDir } from './helpers.ts';

const tmp = tempDir('parallel');
afterAll(tmp.cleanup);
const seeds = join(tmp.path, 'seeds');
writeCorpus({ docs: 300, seed: 1 }, seeds);
// A duplicate unit-year, a file that is no disclosure, an empty one, a draft and a broken sidecar.
const some = listSeeds(seeds);
copyFileSync(some[10]!, join(seeds, 'zz-duplicate.txt'));
writeFileSync(join(seeds, 'zz-notes.txt'), '会议纪要\n今天开会。\n');
writeFileSync(join(seeds, 'zz-empty.txt'), '\n\n');
writeFileSync(`${some[20]!}.meta.yml`, 'status: draft\n');
writeFileSync(`${some[30]!}.meta.yml`, 'stauts: draft\n');
const files = listSeeds(seeds);

const single = await ingestFiles(files, seeds, { workers: 0 });
const singleStats = lastPoolStats();
const reference = join(tmp.path, 'reference');
writeContent(reference, single.content);

describe('the corpus exercises the checks across files', () => {
  it('has duplicates, unreadable files, cross-year findings and more than one record per worker batch', () => {
    expect(singleStats).toEqual({ workers: 0, byWorkers: 0, local: files.length });
    expect(single.outcomes.filter((o) => o.diagnostics.some((d) => d.kind === 'duplicate-record'))).toHaveLength(2);
    expect(single.content.errors.some((d) => d.kind === 'sidecar')).toBe(true);
    expect(single.content.records.filter((r) => r.findings.some((f) => f.code === 'crossYear.previous-mismatch')).length).toBeGreaterThan(0);
    expect(single.content.records.length).toBeGreaterThan(290);
  });
});

describe('ingestFiles on worker threads', () => {
  let parallel: Awaited<ReturnType<typeof ingestFiles>>;
  let stats: ReturnType<typeof lastPoolStats>;
  let mixed: Awaited<ReturnType<typeof ingestFiles>>;
  beforeAll(async () => {
    // The calling thread only waits here, so that the workers surely parse (it may otherwise finish first).
    parallel = await ingestFiles(files, seeds, { workers: 2, callerParses: false });
    stats = lastPoolStats();
    mixed = await ingestFiles(files, seeds, { workers: 1 });
  });

  it('really ran on two workers', () => {
    expect(stats).toEqual({ workers: 2, byWorkers: files.length, local: 0 });
  });

  it('gives the same outcomes and the same content, byte for byte', () => {
    expect(parallel.outcomes.map((o) => [o.file, o.diagnostics])).toEqual(single.outcomes.map((o) => [o.file, o.diagnostics]));
    const a = contentFiles(parallel.content);
    const b = contentFiles(single.content);
    expect(a.map(([p]) => p)).toEqual(b.map(([p]) => p));
    for (let k = 0; k < a.length; k++) expect(a[k]![1], a[k]![0]).toBe(b[k]![1]);
  });

  it('gives the same content when the calling thread parses part of the files', () => {
    expect(contentFiles(mixed.content)).toEqual(contentFiles(single.content));
  });
});

describe('ingestToContent (streaming)', () => {
  for (const workers of [0, 2]) {
    it(`with ${workers} workers writes the same content/ as ingestFiles + writeContent`, async () => {
      const out = join(tmp.path, `stream-${workers}`);
      const result = await ingestToContent(files, seeds, out, { workers, callerParses: workers === 0 });
      expect(lastPoolStats()).toEqual({ workers, byWorkers: workers ? files.length : 0, local: workers ? 0 : files.length });
      expect(folderDifferences(reference, out)).toEqual([]);
      expect(result.changed).toBe(true);
      // The per-file report the CLI prints comes from the summaries: same counts as the full records.
      expect(result.outcomes.map((o) => [o.file, o.record?.unit ?? null, o.record ? o.record.findings.error + o.record.findings.warning + o.record.findings.info : null, o.diagnostics]))
        .toEqual(single.outcomes.map((o) => [o.file, o.record?.identity.unit ?? null, o.record?.findings.length ?? null, o.diagnostics]));
      expect(result.published.length).toBe(single.content.records.length);
    });
  }

  it('into an up-to-date content/ links every record and, with onlyIfChanged, leaves content/ alone', async () => {
    const out = join(tmp.path, 'stream-2');
    const index = statSync(join(out, 'index.json')).ino;
    const again = await ingestToContent(files, seeds, out, { workers: 2, onlyIfChanged: true });
    expect(again.changed).toBe(false);
    expect(statSync(join(out, 'index.json')).ino).toBe(index);
    expect(folderDifferences(reference, out)).toEqual([]);
  });
});

describe('re-ingest hard-links unchanged records', () => {
  it('keeps the inode of unchanged record files, writes changed ones anew and never alters the previous files', async () => {
    const out = join(tmp.path, 'relink');
    await ingestToContent(files, seeds, out, { workers: 2 });
    const record = (id: string) => join(out, 'records', `${id}.json`);
    const [keep, change] = single.content.records.filter((r) => !r.findings.some((f) => f.code.startsWith('crossYear'))).map((r) => r.id);
    const keepIno = statSync(record(keep!)).ino;
    const changeIno = statSync(record(change!)).ino;
    const before = readFileSync(record(change!), 'utf8');
    // Edit the seed of `change` (its contact name).
    const seed = files[single.outcomes.findIndex((o) => o.record?.id === change)]!;
    const text = readFileSync(seed, 'utf8');
    const name = /联系人[:：]\s*(\S+)/.exec(text)![1]!;
    writeFileSync(seed, text.replace(`联系人：${name}`, `联系人：${name}乙`).replace(`联系人:${name}`, `联系人:${name}乙`));
    try {
      // Keep a second name for the old file: the previous content/ is removed after the swap, this survives.
      const held = join(tmp.path, 'held.json');
      copyFileSync(record(change!), held);
      await ingestToContent(files, seeds, out, { workers: 2 });
      expect(statSync(record(keep!)).ino).toBe(keepIno);
      expect(statSync(record(change!)).ino).not.toBe(changeIno);
      expect(readFileSync(record(change!), 'utf8')).toContain(`${name}乙`);
      expect(readFileSync(held, 'utf8')).toBe(before);
      expect(statSync(record(keep!)).nlink).toBe(1); // the previous content/ is gone
    } finally {
      writeFileSync(seed, text);
    }
  });

  it('writeContent links too, and a crash leaves the previous content/ intact even where files were linked', () => {
    const out = join(tmp.path, 'write-link');
    writeContent(out, single.content);
    const r = single.content.records[0]!;
    const path = join(out, 'records', `${r.id}.json`);
    const ino = statSync(path).ino;
    writeContent(out, single.content);
    expect(statSync(path).ino).toBe(ino);
    expect(() => writeContent(out, single.content, { failAfter: 100 })).toThrow('simulated crash');
    expect(folderDifferences(reference, out)).toEqual([]);
  });
});
