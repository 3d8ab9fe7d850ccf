/**
 * Re-issues (versions.ts): seeds of one unit-year are published together only as versions of it — a draft
 * beside the published seed, or a seed whose sidecar says `replaces: <seed>`. Each version gets its own
 * record file (`<year>.v2.json`), cross-year checks and the glossary use the published version, never a
 * draft correction, and the streaming, in-memory and live ingests agree byte for byte. Anything else with
 * two seeds for one unit-year is an error naming both.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, ingestFiles, listSeeds } from '../run/corpus.ts';
import { LiveContent } from '../run/live.ts';
import { writeContent } from '../stages/write.ts';
import { writeCorpus } from '../../bench/generate.ts';
import { folderDifferences, tempDir } from './helpers.ts';
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';

const tmp = tempDir('versions');
afterAll(tmp.cleanup);
const seeds = join(tmp.path, 'seeds');
writeCorpus({ docs: 30, seed: 5 }, seeds);

/** A unit with at least two consecutive years: the earlier one's seed and the next year's. */
function consecutive(): { earlier: string; next: string; id: string; nextId: string } {
  const files = listSeeds(seeds);
  for (const f of files) {
    const m = /-(\d{4})\.txt$/.exec(f);
    const next = m && files.find((g) => g === f.replace(/-\d{4}\.txt$/, `-${Number(m[1]) + 1}.txt`));
    if (next) {
      const id = (p: string) => p.slice(seeds.length + 1).replace('_', '/').replace(/-(\d{4})\.txt$/, '/$1');
      return { earlier: f, next, id: id(f), nextId: id(next) };
    }
  }
  throw new Error('the generated corpus has no unit with two consecutive years');
}
const { earlier, next, id, nextId } = consecutive();
const original = readFileSync(earlier, 'utf8');
/** The earlier seed as content/ names it (relative to seeds/). */
const earlierFile = earlier.slice(seeds.length + 1);
const figure = /年初预算数([\d.]+)万元/.exec(original)!;
/** The earlier year's text with its income total changed: what a correction would fix. */
const corrected = original.replace(figure[0], `年初预算数${(Number(figure[1]) + 12.34).toFixed(2)}万元`);
const copy = join(seeds, 'zz-corrected.txt');

/** Runs `setup`, ingests seeds/ into a fresh folder and returns it; removes the extra files after. */
async function ingestWith(setup: Record<string, string>): Promise<{ dir: string; read: (rel: string) => string }> {
  for (const [name, text] of Object.entries(setup)) writeFileSync(join(seeds, name), text);
  const dir = join(tmp.path, `content-${Math.random().toString(36).slice(2)}`);
  try {
    await ingest(seeds, dir, { workers: 0 });
  } finally {
    for (const name of Object.keys(setup)) rmSync(join(seeds, name), { force: true });
  }
  return { dir, read: (rel) => readFileSync(join(dir, rel), 'utf8') };
}
const record = (text: string) => JSON.parse(text) as UnitYearRecord;

let plain: Awaited<ReturnType<typeof ingestWith>>;
beforeAll(async () => {
  plain = await ingestWith({});
});

describe('a correction beside the published disclosure', () => {
  it('a draft copy of a published unit-year is its version 2: both records written, nothing rejected', async () => {
    const c = await ingestWith({ 'zz-corrected.txt': corrected, 'zz-corrected.txt.meta.yml': 'status: draft\n' });
    expect(JSON.parse(c.read('errors.json'))).toEqual([]);
    const v1 = record(c.read(`records/${id}.json`));
    const v2 = record(c.read(`records/${id}.v2.json`));
    expect(c.read(`records/${id}.json`)).toBe(plain.read(`records/${id}.json`));
    expect(v1.revision).toBeUndefined();
    expect(v2.revision).toEqual({ version: 2, replaces: earlierFile });
    expect(v2.release.status).toBe('draft');
    expect(v2.income.total! - v1.income.total!).toBe(123_400);
    const index = JSON.parse(c.read('index.json')) as { id: string; version?: number }[];
    expect(index.filter((e) => e.id === id).map((e) => e.version ?? 1)).toEqual([1, 2]);
  });

  it('the next year is compared with the published version, and the glossary is the published one\'s', async () => {
    const c = await ingestWith({ 'zz-corrected.txt': corrected.replace('基本支出：指', '基本支出：草稿中的新定义，指'), 'zz-corrected.txt.meta.yml': 'status: draft\n' });
    expect(c.read(`records/${nextId}.json`)).toBe(plain.read(`records/${nextId}.json`));
    expect(c.read('glossary.json')).toBe(plain.read('glossary.json'));
    expect(c.read('glossary.json')).not.toContain('草稿中的新定义');
  });

  it('with `replaces:` a published correction is version 2; a further draft naming it is version 3', async () => {
    const c = await ingestWith({
      'zz-corrected.txt': corrected,
      'zz-corrected.txt.meta.yml': `replaces: ${basename(earlier)}\ncorrections:\n  - date: 2026-06-10\n    note: 更正了支出预算。\n`,
      'zz-third.txt': corrected,
      'zz-third.txt.meta.yml': 'status: draft\nreplaces: zz-corrected.txt\n',
    });
    expect(record(c.read(`records/${id}.v2.json`)).revision).toEqual({ version: 2, replaces: earlierFile });
    expect(record(c.read(`records/${id}.v3.json`)).revision).toEqual({ version: 3, replaces: 'zz-corrected.txt' });
    // The next year is compared with version 2 (published), whose total differs from what it implies.
    expect(c.read(`records/${nextId}.json`)).not.toBe(plain.read(`records/${nextId}.json`));
  });

  it('the streaming ingest, the in-memory one and the live one write the same bytes', async () => {
    writeFileSync(copy, corrected);
    writeFileSync(`${copy}.meta.yml`, 'status: draft\n');
    try {
      const streamed = join(tmp.path, 'streamed');
      const inMemory = join(tmp.path, 'in-memory');
      await ingest(seeds, streamed, { workers: 0 });
      writeContent(inMemory, (await ingestFiles(listSeeds(seeds), seeds, { workers: 0 })).content);
      expect(folderDifferences(streamed, inMemory)).toEqual([]);

      // Live: the correction goes away and comes back.
      const liveDir = join(tmp.path, 'live');
      const { live } = await LiveContent.start(seeds, liveDir, { workers: 0 });
      // The correction and its sidecar go away together (a sidecar left alone would hold its folder back).
      rmSync(copy);
      rmSync(`${copy}.meta.yml`);
      const gone = await live.update([copy, `${copy}.meta.yml`]);
      expect(gone.removed).toEqual([`records/${id}.v2.json`]);
      expect(folderDifferences(plain.dir, liveDir)).toEqual([]);
      writeFileSync(copy, corrected);
      writeFileSync(`${copy}.meta.yml`, 'status: draft\n');
      expect((await live.update([copy, `${copy}.meta.yml`])).written).toContain(`records/${id}.v2.json`);
      expect(folderDifferences(streamed, liveDir)).toEqual([]);
    } finally {
      rmSync(copy, { force: true });
      rmSync(`${copy}.meta.yml`, { force: true });
    }
  });
});

describe('publishing the correction', () => {
  it('removing `status: draft` from a correction with its 更正说明 publishes it as version 2 (no `replaces:` needed)', async () => {
    const c = await ingestWith({ 'zz-corrected.txt': corrected, 'zz-corrected.txt.meta.yml': 'corrections:\n  - date: 2026-06-10\n    note: 更正了收入预算。\n' });
    expect(JSON.parse(c.read('errors.json'))).toEqual([]);
    const v2 = record(c.read(`records/${id}.v2.json`));
    expect(v2.release.status).toBe('published');
    expect(v2.revision).toEqual({ version: 2, replaces: earlierFile });
  });
});

describe('two seeds of one unit-year that are not a correction', () => {
  it('two published seeds: neither is published, both files named', async () => {
    const c = await ingestWith({ 'zz-corrected.txt': corrected });
    const errors = JSON.parse(c.read('errors.json')) as { file: string; kind: string; message: string }[];
    expect(errors.map((e) => e.kind)).toEqual(['duplicate-record', 'duplicate-record']);
    expect(errors[0]!.message).toContain('2份都将发布');
    expect(errors[0]!.message).toContain(basename(earlier));
    expect(errors[0]!.message).toContain('zz-corrected.txt');
    expect(errors[0]!.message).toContain('replaces:');
  });

  it('a `replaces:` naming no seed of the unit-year keeps the correction out and the original published', async () => {
    const c = await ingestWith({ 'zz-corrected.txt': corrected, 'zz-corrected.txt.meta.yml': 'status: draft\nreplaces: gone.txt\n' });
    const errors = JSON.parse(c.read('errors.json')) as { file: string; kind: string; message: string }[];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'sidecar' });
    expect(errors[0]!.message).toContain('“gone.txt”');
    expect(c.read(`records/${id}.json`)).toBe(plain.read(`records/${id}.json`));
  });

  it('two corrections of the same seed: an error naming both', async () => {
    mkdirSync(join(seeds, 'zz'), { recursive: true });
    copyFileSync(earlier, join(seeds, 'zz', 'again.txt'));
    try {
      const c = await ingestWith({
        'zz-corrected.txt': corrected, 'zz-corrected.txt.meta.yml': `status: draft\nreplaces: ${basename(earlier)}\n`,
        // seeds/zz/ is one disclosure (a folder of files): its sidecar is seeds/zz.meta.yml.
        'zz.meta.yml': `status: draft\nreplaces: ${basename(earlier)}\n`,
      });
      const errors = JSON.parse(c.read('errors.json')) as { message: string }[];
      expect(errors.length).toBe(3);
      expect(errors[0]!.message).toContain('都声明更正');
    } finally {
      rmSync(join(seeds, 'zz'), { recursive: true, force: true });
    }
  });
});
