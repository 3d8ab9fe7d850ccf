/**
 * The parse cache (run/parse-cache.ts): an ingest that takes unchanged seeds from it writes the same
 * content/, byte for byte, and prints the same lines as one that parses everything; it parses again exactly
 * the seeds whose bytes or sidecar changed, everything when the parser's version changes, and any seed whose
 * cache entry or record file does not check out.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestToContent, listSeeds, type StreamResult } from '../run/corpus.ts';
import { openParseCache, parserVersion, seedKey, type ParseCache } from '../run/parse-cache.ts';
import { readSeed } from '../run/parse-file.ts';
import { writeCorpus } from '../../bench/generate.ts';
import { folderDifferences, REPO_ROOT, tempDir } from './helpers.ts';

const tmp = tempDir('parse-cache');
afterAll(tmp.cleanup);
const seeds = join(tmp.path, 'seeds');
writeCorpus({ docs: 60, seed: 3 }, seeds);
const listed = listSeeds(seeds);
// A disclosure of two files (its text, then its tables), a file that is no disclosure, a draft, a broken sidecar.
const split = listed[5]!;
const text = readFileSync(split, 'utf8');
const cut = text.indexOf('\n\t');
mkdirSync(join(seeds, 'zz-folder'));
writeFileSync(join(seeds, 'zz-folder', 'a-text.txt'), text.slice(0, cut + 1));
writeFileSync(join(seeds, 'zz-folder', 'b-tables.txt'), text.slice(cut + 1));
rmSync(split);
writeFileSync(join(seeds, 'zz-notes.txt'), '会议纪要\n今天开会。\n');
// A record with a diagnostic of its own: 三公 explained after 其他重要事项 (out of the expected order).
const reorder = readFileSync(listed[40]!, 'utf8');
const [a, b, c] = ['四、“三公”经费情况说明', '五、其他重要事项的情况说明', '六、'].map((h) => reorder.indexOf(h));
writeFileSync(listed[40]!, reorder.slice(0, a) + reorder.slice(b, c).replace('五、', '四、') + reorder.slice(a, b).replace('四、', '五、') + reorder.slice(c));
writeFileSync(`${listed[20]!}.meta.yml`, 'status: draft\n');
writeFileSync(`${listed[30]!}.meta.yml`, 'stauts: draft\n');

let runs = 0;
/** An ingest of `seeds` into a fresh folder: without a cache, or with `cache`. */
async function ingestOnce(cache: ParseCache | null, into = join(tmp.path, `content-${++runs}`)): Promise<{ dir: string; result: StreamResult }> {
  const result = await ingestToContent(listSeeds(seeds), seeds, into, { cache, workers: 0 });
  return { dir: into, result };
}
const outcomes = (r: StreamResult) => r.outcomes.map((o) => [o.file, o.record, o.diagnostics]);
const seedFile = (path: string) => relative(process.cwd(), path);

describe('an ingest with a parse cache', () => {
  const cache = openParseCache(join(tmp.path, 'cache'));
  const content = join(tmp.path, 'content');

  it('writes the same content/ and outcomes as one without, cold and warm, and parses nothing the second time', async () => {
    const plain = await ingestOnce(null);
    expect(plain.result.cache).toBeNull();
    const cold = await ingestOnce(cache, content);
    expect(cold.result.cache!.hits).toBe(0);
    expect(folderDifferences(plain.dir, content)).toEqual([]);
    expect(outcomes(cold.result)).toEqual(outcomes(plain.result));
    const warm = await ingestOnce(cache, content);
    // Every seed but the one with a broken sidecar (found before any parse, so never cached).
    expect(warm.result.cache).toMatchObject({ hits: listSeeds(seeds).length - 1, parsed: [] });
    expect(folderDifferences(plain.dir, content)).toEqual([]);
    expect(outcomes(warm.result)).toEqual(outcomes(plain.result));
    expect(plain.result.outcomes.some((o) => o.diagnostics.length > 0 && o.record)).toBe(true);
  });

  it('parses again only the seed that changed, and the result equals a full parse', async () => {
    const changed = listSeeds(seeds)[3]!;
    appendFileSync(changed, '\n附注：本文件已更新。\n');
    const warm = await ingestOnce(cache, content);
    expect(warm.result.cache!.parsed).toEqual([seedFile(changed)]);
    const plain = await ingestOnce(null);
    expect(folderDifferences(plain.dir, content)).toEqual([]);
    expect(outcomes(warm.result)).toEqual(outcomes(plain.result));
  });

  it('parses again a disclosure of several files when one of its files changes', async () => {
    appendFileSync(join(seeds, 'zz-folder', 'b-tables.txt'), '\n备注：无\n');
    const warm = await ingestOnce(cache, content);
    expect(warm.result.cache!.parsed).toEqual([seedFile(join(seeds, 'zz-folder'))]);
    expect(folderDifferences((await ingestOnce(null)).dir, content)).toEqual([]);
  });

  it('parses again a seed whose sidecar changed (release state is in the record)', async () => {
    const seed = listSeeds(seeds)[8]!;
    writeFileSync(`${seed}.meta.yml`, 'status: draft\n');
    const warm = await ingestOnce(cache, content);
    expect(warm.result.cache!.parsed).toEqual([seedFile(seed)]);
    const plain = await ingestOnce(null);
    expect(folderDifferences(plain.dir, content)).toEqual([]);
    expect(JSON.parse(readFileSync(join(content, warm.result.outcomes.find((o) => o.file === seedFile(seed))!.record!.path), 'utf8')).release.status).toBe('draft');
  });

  it('removes the record of a seed that was removed', async () => {
    const gone = listSeeds(seeds)[12]!;
    const before = await ingestOnce(cache, content);
    const path = before.result.outcomes.find((o) => o.file === seedFile(gone))!.record!.path;
    rmSync(gone);
    const warm = await ingestOnce(cache, content);
    expect(warm.result.cache!.parsed).toEqual([]);
    expect(readdirSync(join(content, path, '..'))).not.toContain(path.split('/').pop());
    expect(folderDifferences((await ingestOnce(null)).dir, content)).toEqual([]);
  });

  it('parses everything again under another parser version', async () => {
    const other = await ingestToContent(listSeeds(seeds), seeds, content, { cache: { ...cache, version: 'another parser' }, workers: 0 });
    expect(other.cache!.hits).toBe(0);
    expect(folderDifferences((await ingestOnce(null)).dir, content)).toEqual([]);
  });

  it('ignores an entry that is corrupt or another seed\'s, a record file written into and a changed glossary, and parses those seeds again', async () => {
    await ingestOnce(cache, content); // the cache is this version's again
    const [a, b, c] = listSeeds(seeds).slice(0, 3).map((p) => {
      const read = readSeed(p, seeds);
      if (!('seed' in read)) throw new Error('unreadable');
      return { path: p, key: seedKey(cache, read.seed) };
    });
    const entry = (key: string) => join(cache.dir, 'entries', `${key}.json`);
    // a: a flipped character in its entry; b: c's entry under b's key.
    const aText = readFileSync(entry(a!.key), 'utf8');
    writeFileSync(entry(a!.key), aText.replace('"diagnostics"', '"diagnostixs"'));
    writeFileSync(entry(b!.key), readFileSync(entry(c!.key)));
    // c: its record file changed in place (the same file content/ links to): content/ must not keep it.
    const cEntry = JSON.parse(readFileSync(entry(c!.key), 'utf8').split('\n')[1]!) as { outcome: { record: { sha256: string } } };
    const recordFile = join(cache.dir, 'records', `${cEntry.outcome.record.sha256}.json`);
    writeFileSync(recordFile, readFileSync(recordFile, 'utf8').replace('"sections"', '"sectionz"'));
    // The glossary kept for these records: a term changed.
    const glossary = join(cache.dir, 'glossary.txt');
    writeFileSync(glossary, readFileSync(glossary, 'utf8').replace('"term": "', '"term": "假'));
    const warm = await ingestOnce(cache, content);
    expect(warm.result.cache!.parsed).toEqual([a!.path, b!.path, c!.path].map(seedFile));
    const plain = await ingestOnce(null);
    expect(folderDifferences(plain.dir, content)).toEqual([]);
    expect(outcomes(warm.result)).toEqual(outcomes(plain.result));
  });

  it('takes a seed file whose stat did not change by the digest it had (not read again), and ignores a damaged digests file', async () => {
    await new Promise((done) => setTimeout(done, 2100)); // files changed within 2 s of being read keep no stamp
    const all = (await ingestOnce(cache, content)).result.cache!.hits;
    expect((await ingestOnce(cache, content)).result.cache!.unread).toBe(all);
    const path = join(cache.dir, 'digests.json');
    const [, body] = readFileSync(path, 'utf8').split('\n');
    const d = JSON.parse(body!) as { format: number; digests: [string, string, string][] };
    // A wrong digest for one file: its key is not in the cache, so the seed is read (and then found).
    const seed = listSeeds(seeds)[15]!;
    const k = d.digests.findIndex(([p]) => p === seed);
    d.digests[k]![2] = '0'.repeat(64);
    const wrong = JSON.stringify(d);
    writeFileSync(path, `${createHash('sha256').update(wrong).digest('hex')}\n${wrong}`);
    const once = await ingestOnce(cache, content);
    expect(once.result.cache).toEqual({ hits: all, parsed: [], unread: all - 1 });
    // A seed changed in place: its stat changes, so it is read and parsed.
    appendFileSync(seed, '\n附注：再次更新。\n');
    expect((await ingestOnce(cache, content)).result.cache).toEqual({ hits: all - 1, parsed: [seedFile(seed)], unread: all - 1 });
    expect(folderDifferences((await ingestOnce(null)).dir, content)).toEqual([]);
    // The digests file with its checksum wrong is not used at all: every seed read.
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^./, (c) => (c === '0' ? '1' : '0')));
    expect((await ingestOnce(cache, content)).result.cache).toEqual({ hits: all, parsed: [], unread: 0 });
    expect(folderDifferences((await ingestOnce(null)).dir, content)).toEqual([]);
  });

  it('keeps only what the last run used', async () => {
    const last = await ingestOnce(cache, content);
    expect(readdirSync(join(cache.dir, 'entries'))).toHaveLength(last.result.cache!.hits + last.result.cache!.parsed.length);
  });
});

describe('the parser version', () => {
  const root = join(tmp.path, 'project');
  const put = (file: string, text: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  put('scripts/ingest/run/corpus.ts', "import { a } from '../index.ts';\nexport { b } from '../../../src/domain/slug.ts';\nconst later = () => import('./late.ts');\n");
  put('scripts/ingest/index.ts', 'export const a = 1;\n');
  put('scripts/ingest/run/late.ts', 'export const c = 1;\n');
  put('scripts/ingest/__tests__/a.test.ts', 'test\n');
  put('src/domain/slug.ts', 'export const b = 1;\n');
  put('src/domain/pages-only.ts', 'export const d = 1;\n');
  put('node_modules/pdfjs-dist/package.json', '{"version":"5.0.0"}');
  const entries = ['scripts/ingest/run/corpus.ts'];
  const version = () => parserVersion(root, entries);
  const first = version();

  it('changes with a library\'s version and every module the ingest loads, not with other code or tests', () => {
    put('scripts/ingest/__tests__/a.test.ts', 'another test\n');
    put('src/domain/pages-only.ts', 'export const d = 2;\n');
    expect(version()).toBe(first);
    const seen = new Set([first]);
    for (const [file, text] of [
      ['node_modules/pdfjs-dist/package.json', '{"version":"5.0.1"}'],
      ['src/domain/slug.ts', 'export const b = 2;\n'],
      ['scripts/ingest/index.ts', 'export const a = 2;\n'],
      ['scripts/ingest/run/late.ts', 'export const c = 2;\n'],
    ]) {
      put(file!, text!);
      expect(seen.has(version()), file).toBe(false);
      seen.add(version());
    }
  });

  it('is this project\'s code', () => {
    expect(parserVersion()).toBe(parserVersion(REPO_ROOT));
  });
});

describe('npm run ingest', () => {
  const node = process.execPath;
  const cli = join(REPO_ROOT, 'scripts/cli/ingest.ts');
  const run = (...args: string[]) => {
    const r = spawnSync(node, [cli, seeds, ...args], { cwd: tmp.path, encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, stdout: r.stdout.replaceAll(args[0]!, 'CONTENT'), stderr: r.stderr };
  };

  it('prints the same lines and exit code with the cache cold, warm or off, and writes the same content/', () => {
    mkdirSync(join(tmp.path, 'node_modules')); // the default cache is in the working folder's node_modules/
    const off = run(join(tmp.path, 'cli-off'), '--no-cache');
    const cold = run(join(tmp.path, 'cli-on'));
    const warm = run(join(tmp.path, 'cli-on'));
    const other = run(join(tmp.path, 'cli-dir'), '--cache', join(tmp.path, 'cli-cache'));
    expect(off.status).toBe(1); // the broken sidecar and the notes
    for (const r of [cold, warm, other]) expect(r).toEqual(off);
    expect(folderDifferences(join(tmp.path, 'cli-off'), join(tmp.path, 'cli-on'))).toEqual([]);
    expect(readdirSync(join(tmp.path, 'node_modules/.cache/gongkai/ingest'))).toHaveLength(1); // cli-on's (cli-dir's is elsewhere, cli-off has none)
    expect(readdirSync(join(tmp.path, 'cli-cache', 'entries')).length).toBeGreaterThan(50);
  });
});
