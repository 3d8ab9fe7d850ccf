/**
 * The two commands as a user runs them from the repository root: `npm run --silent parse -- FILE` and
 * `npm run ingest -- SEEDS CONTENT` (issue 2 contract). The independent runs start together in `beforeAll`
 * (each spawn pays Node's start-up); the tests then read their results.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SEEDS, SEEDS_DIR, filesUnder, runNpm, seedRecord, tempDir, type RunResult } from './helpers.ts';

const tmp = tempDir('cli');
afterAll(tmp.cleanup);

const parseRun = (file: string) => runNpm(['run', '--silent', 'parse', '--', file]);

/** Bad inputs for `parse`, each a file that is not a readable disclosure. */
const BAD = {
  empty: join(tmp.path, 'empty.txt'),
  binary: join(tmp.path, 'image.txt'),
  prose: join(tmp.path, 'prose.txt'),
  missing: join(tmp.path, 'no-such-file.txt'),
};
writeFileSync(BAD.empty, '');
writeFileSync(BAD.binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
writeFileSync(BAD.prose, '今天天气很好。\n我们去公园散步。\n');

/** A seeds folder with two good seeds (001: one finding; 004: six), written to `content`. */
const seeds = join(tmp.path, 'seeds');
const content = join(tmp.path, 'out', 'content');
const good = [SEEDS['001'], SEEDS['004']].map((name) => join(seeds, name)) as [string, string];
mkdirSync(seeds, { recursive: true });
copyFileSync(join(SEEDS_DIR, SEEDS['001']), good[0]);
copyFileSync(join(SEEDS_DIR, SEEDS['004']), good[1]);
const badSeed = join(seeds, 'zz-broken.txt');

const runs = {} as Record<'seed' | keyof typeof BAD | 'allGood' | 'oneBad' | 'noFolder', RunResult>;
beforeAll(async () => {
  const ingestRun = () => runNpm(['run', '--silent', 'ingest', '--', seeds, content]);
  const [seed, empty, binary, prose, missing, allGood, noFolder] = await Promise.all([
    parseRun(relative(REPO_ROOT, join(SEEDS_DIR, SEEDS['000']))), parseRun(BAD.empty), parseRun(BAD.binary), parseRun(BAD.prose), parseRun(BAD.missing),
    ingestRun(), runNpm(['run', '--silent', 'ingest', '--', join(tmp.path, 'no-such-folder'), join(tmp.path, 'never')]),
  ]);
  Object.assign(runs, { seed, empty, binary, prose, missing, allGood, noFolder });
  // Then one bad file joins the good ones, and content/ holds a file the ingest must not keep.
  writeFileSync(badSeed, Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 7]));
  writeFileSync(join(content, 'stale.json'), '{}\n');
  runs.oneBad = await ingestRun();
}, 120_000);

/** `file:line: message` lines naming `file`, with no stack trace anywhere. */
function expectCleanDiagnostics(run: RunResult, file: string): void {
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n').filter((l) => l.trim());
  expect(lines.length).toBeGreaterThan(0);
  for (const l of lines) {
    const m = /^(.+):(\d+): (.+)$/.exec(l);
    expect(m, l).not.toBeNull();
    expect(resolve(REPO_ROOT, m![1]!)).toBe(file);
  }
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/Error:|node:internal/);
}

describe('npm run --silent parse -- FILE', () => {
  it('prints one JSON record with keyFigures and coverage, exit 0', () => {
    const run = runs.seed;
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const record = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(record.keyFigures).toMatchObject({
      unit: '重庆市开州区政务信息中心', year: 2026, incomeTotal: 14839600, changeFromPreviousYear: 1320200,
      threePublic: { total: 16000, reception: 16000 }, procurement: { total: 50000, goods: 50000, works: 0, services: 0 },
      contact: { name: '江冲', phone: '023-52255608' },
    });
    expect(record.keyFigures).toEqual(seedRecord('000').keyFigures);
    expect(record.coverage).toEqual({ lines: 88, unrecognised: [] });
  });

  it('on an empty file: FILE:LINE: message on stderr, exit 1', () => expectCleanDiagnostics(runs.empty, BAD.empty));
  it('on a binary file: FILE:LINE: message on stderr, exit 1', () => expectCleanDiagnostics(runs.binary, BAD.binary));
  it('on a text that is not a disclosure: FILE:LINE: message on stderr, exit 1', () => expectCleanDiagnostics(runs.prose, BAD.prose));
  it('on a missing file: FILE:LINE: message on stderr, exit 1', () => expectCleanDiagnostics(runs.missing, BAD.missing));
});

describe('npm run ingest -- SEEDS CONTENT', () => {
  /** stdout summary lines of `file` (printed relative to the repository root, then a TAB). */
  const linesFor = (out: string, file: string) => out.split('\n').filter((l) => l.includes('\t') && resolve(REPO_ROOT, l.split('\t')[0]!) === file);

  it('prints one summary line per file (unit, year, findings) and exits 0 when all are good', () => {
    const run = runs.allGood;
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const l001 = linesFor(run.stdout, good[0]);
    const l004 = linesFor(run.stdout, good[1]);
    expect([l001.length, l004.length]).toEqual([1, 1]);
    expect(l001[0]).toContain('重庆市开州区政务信息中心');
    expect(l001[0]).toContain('2024');
    expect(l001[0]).toMatch(/发现 1 项/); // 其他收入0万元0
    expect(l004[0]).toContain('重庆市九龙坡区电子政务中心');
    expect(l004[0]).toContain('2026');
    expect(l004[0]).toMatch(/发现 6 项/);
  });

  it('names a missing seeds folder as FOLDER:1: message and exits 1, writing nothing', () => {
    expectCleanDiagnostics(runs.noFolder, join(tmp.path, 'no-such-folder'));
    expect(existsSync(join(tmp.path, 'never'))).toBe(false);
  });

  it('exits 1 when one file is bad, names it as FILE:LINE: message, and still writes the good ones', () => {
    const run = runs.oneBad;
    expect(run.status).toBe(1);
    expect(linesFor(run.stdout, good[0])).toHaveLength(1);
    expect(linesFor(run.stdout, good[1])).toHaveLength(1);
    const errors = run.stderr.split('\n').filter((l) => l.trim());
    expect(errors.length).toBeGreaterThan(0);
    for (const l of errors) {
      const m = /^(.+):(\d+): (.+)$/.exec(l);
      expect(m, l).not.toBeNull();
      expect(resolve(REPO_ROOT, m![1]!)).toBe(badSeed);
    }
    expect(run.stderr).not.toMatch(/^\s+at /m);

    const files = filesUnder(content);
    expect(files.filter((f) => f.startsWith('records/'))).toHaveLength(2);
    expect(files).not.toContain('stale.json'); // the folder was replaced as a whole
    const listed = JSON.parse(readFileSync(join(content, 'errors.json'), 'utf8')) as { file: string; kind: string }[];
    expect(listed.map((d) => [resolve(REPO_ROOT, d.file), d.kind])).toEqual([[badSeed, 'binary']]);
    // No temporary or old copy of content/ is left beside it.
    expect(readdirSync(join(tmp.path, 'out'))).toEqual(['content']);
    expect(existsSync(join(content, 'README.md'))).toBe(true);
  });
});
