/**
 * The dev server's incremental update (live.ts, used by scripts/ingest/run/seed-watcher.ts): after each kind of
 * change under seeds/ — a figure that moves a neighbour year's cross-year finding, an added duplicate and its
 * removal, a sidecar, a deleted seed, an unreadable file — content/ equals a full ingest of the same seeds,
 * byte for byte, and only the files that had to change were rewritten, index.json always and last.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, listSeeds } from '../run/corpus.ts';
import { LiveContent } from '../run/live.ts';
import { changesBetween, contentStamp } from '../../../src/domain/content-journal.ts';
import { lastPoolStats } from '../run/pool.ts';
import { writeCorpus } from '../../bench/generate.ts';
import { folderDifferences, tempDir } from './helpers.ts';
import { pdfOf, seed004As } from '../../../tests/published-seeds.ts';

const tmp = tempDir('live');
afterAll(tmp.cleanup);
const seeds = join(tmp.path, 'seeds');
const content = join(tmp.path, 'content');
writeCorpus({ docs: 60, seed: 2 }, seeds);
let live: LiveContent;
let fresh = 0;

/** content/ equals a full ingest of seeds/ now. */
async function expectFresh(): Promise<void> {
  const full = join(tmp.path, `full-${fresh++}`);
  await ingest(seeds, full, { workers: 0 });
  expect(folderDifferences(full, content)).toEqual([]);
}

beforeAll(async () => {
  // On a worker thread (the asynchronous pool the dev server uses), as a large seeds/ would be.
  ({ live } = await LiveContent.start(seeds, content, { workers: 2 }));
  expect(lastPoolStats()).toMatchObject({ workers: 2 });
  expect(lastPoolStats().byWorkers).toBeGreaterThan(0);
});

/** A unit with at least three years, and its seed files by year. */
function unitWithYears(): string[] {
  const byUnit = new Map<string, string[]>();
  for (const f of listSeeds(seeds)) {
    const unit = f.replace(/-\d{4}\.txt$/, '');
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), f]);
  }
  return [...byUnit.values()].find((years) => years.length >= 3)!;
}

describe('LiveContent', () => {
  it('starts from a full ingest; a second start finds content/ up to date and leaves it alone', async () => {
    await expectFresh();
    const ino = statSync(join(content, 'index.json')).ino;
    const again = await LiveContent.start(seeds, content);
    expect(again.result.changed).toBe(false);
    expect(statSync(join(content, 'index.json')).ino).toBe(ino);
  });

  it('a changed figure rewrites that record and the next year\'s (its cross-year finding), not the others', async () => {
    const [, middle, next] = unitWithYears();
    const text = readFileSync(middle!, 'utf8');
    const m = /年初预算数([\d.]+)万元/.exec(text)!;
    writeFileSync(middle!, text.replace(m[0], `年初预算数${(Number(m[1]) + 1).toFixed(2)}万元`));
    const mtime = statSync(join(content, 'index.json')).mtimeMs;
    const from = contentStamp(content);
    const u = await live.update([middle!]);
    const id = (f: string) => f.slice(seeds.length + 1).replace('_', '/').replace(/-(\d{4})\.txt$/, '/$1');
    expect(u.written.filter((p) => p.startsWith('records/')).sort()).toEqual([`records/${id(middle!)}.json`, `records/${id(next!)}.json`].sort());
    // The journal tells the site's reader in this process (src/lib/records.ts) the same record files.
    expect(changesBetween(content, from, contentStamp(content))).toEqual({ written: new Set(u.written.filter((p) => p.startsWith('records/'))), removed: new Set() });
    expect(u.written.at(-1)).toBe('index.json');
    expect(statSync(join(content, 'index.json')).mtimeMs).toBeGreaterThanOrEqual(mtime);
    expect(readFileSync(join(content, 'records', `${id(next!)}.json`), 'utf8')).toContain('crossYear.previous-mismatch');
    await expectFresh();
  });

  it('a duplicate seed unpublishes both; removing it publishes the record again', async () => {
    const [first] = unitWithYears();
    const dup = join(seeds, 'zz-copy.txt');
    copyFileSync(first!, dup);
    const u = await live.update([dup]);
    expect(u.removed).toHaveLength(1);
    // A seed added to a folder re-parses that folder (its sidecars' pairing may change): only the copy has a diagnostic.
    expect(u.parsed.find((o) => o.file.endsWith('zz-copy.txt'))!.diagnostics.map((d) => d.kind)).toEqual(['duplicate-record']);
    await expectFresh();
    rmSync(dup);
    const back = await live.update([dup]);
    // The record is back (and the next year's, whose cross-year check has its previous year again).
    expect(back.written).toContain(u.removed[0]);
    await expectFresh();
  });

  it('a sidecar change rewrites its seed\'s record; a bad sidecar unpublishes it', async () => {
    const [, , , fourth] = [...unitWithYears(), listSeeds(seeds)[5]!];
    const seed = fourth ?? listSeeds(seeds)[5]!;
    writeFileSync(`${seed}.meta.yml`, 'status: draft\n');
    expect((await live.update([`${seed}.meta.yml`])).written.filter((p) => p.startsWith('records/'))).toHaveLength(1);
    await expectFresh();
    writeFileSync(`${seed}.meta.yml`, 'stauts: draft\n');
    expect((await live.update([`${seed}.meta.yml`])).removed).toHaveLength(1);
    await expectFresh();
    rmSync(`${seed}.meta.yml`);
    await live.update([`${seed}.meta.yml`]);
    await expectFresh();
  });

  it('a deleted seed removes its record file (and folders left empty); an unreadable new file is listed in errors.json', async () => {
    const all = listSeeds(seeds);
    const lone = all.find((f) => all.filter((g) => dirname(g) === dirname(f) && g.replace(/-\d{4}\.txt$/, '') === f.replace(/-\d{4}\.txt$/, '')).length === 1)
      ?? all.at(-1)!;
    rmSync(lone);
    const bad = join(seeds, 'zz-bad.txt');
    writeFileSync(bad, '\n');
    const u = await live.update([lone, bad]);
    expect(u.removed).toHaveLength(1);
    expect(existsSync(join(content, u.removed[0]!))).toBe(false);
    const empty = readdirSync(join(content, 'records'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isDirectory() && !readdirSync(join(e.parentPath, e.name)).length);
    expect(empty).toEqual([]);
    expect(u.written).toContain('errors.json');
    await expectFresh();
  });

  it('a PDF seed added keeps its original in content/originals/; removing it removes the original too', async () => {
    const pdf = join(seeds, 'published.pdf');
    writeFileSync(pdf, pdfOf(seed004As('数据资源中心').text));
    const added = await live.update([pdf]);
    const original = added.written.filter((f) => f.startsWith('originals/'));
    expect(original).toHaveLength(1);
    expect(readFileSync(join(content, original[0]!)).equals(readFileSync(pdf))).toBe(true);
    await expectFresh();
    rmSync(pdf);
    const removed = await live.update([pdf]);
    expect(removed.removed).toContain(original[0]);
    expect(existsSync(join(content, 'originals'))).toBe(false);
    await expectFresh();
  });

  it('a changed glossary definition rebuilds glossary.json; a changed figure keeps it', async () => {
    const seed = listSeeds(seeds).find((f) => readFileSync(f, 'utf8').includes('基本支出：指'))!;
    const text = readFileSync(seed, 'utf8');
    writeFileSync(seed, text.replace('基本支出：指', '基本支出：是指'));
    expect((await live.update([seed])).written).toContain('glossary.json');
    await expectFresh();
    writeFileSync(seed, text.replace('基本支出：指', '基本支出：是指').replace(/联系人[:：]\s*(\S+)/, '联系人：某某'));
    expect((await live.update([seed])).written).not.toContain('glossary.json');
    await expectFresh();
  });

  it('an event that changes nothing writes nothing', async () => {
    const u = await live.update([join(seeds, 'README.md')]);
    expect(u).toEqual({ parsed: [], written: [], removed: [] });
  });
});
