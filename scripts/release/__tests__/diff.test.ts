/**
 * What changed: `diffRecords` on figures (keyFigures flattened + findings by severity) and
 * `npm run diff -- <git-ref>` between commits of a temporary git repository.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SEEDS_DIR, tempDir } from '../../ingest/__tests__/helpers.ts';
import { ingestFiles, listSeeds } from '../../ingest/run/corpus.ts';
import { writeContent } from '../../ingest/stages/write.ts';
import { recordFile } from '../../../src/domain/record-files.ts';
import { diffRecords, flattenFigures, formatDiff, formatFigureValue, type DiffableRecord } from '../../../src/domain/figure-diff.ts';
import { readRecordsAtRef, readRecordsFromDir } from '../../../src/domain/record-files.ts';
import { runCli, runNpmScript } from './helpers.ts';
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';

const DRAFT_ID = 'kaizhou/shuzihuachengshiyunxinghezhilizhongxin/2026';
const REMOVED_ID = 'yuzhong/renminzhengfubangongshi/2026';

let records: UnitYearRecord[];
beforeAll(async () => {
  records = (await ingestFiles(listSeeds(SEEDS_DIR), SEEDS_DIR)).content.records;
});
const byId = (id: string): UnitYearRecord => structuredClone(records.find((r) => r.id === id)!);

describe('figures of a record', () => {
  test('every keyFigures member as a dotted path, plus findings by severity', () => {
    const figures = flattenFigures(byId(DRAFT_ID));
    expect(figures.get('keyFigures.incomeTotal')).toEqual({ kind: 'amount', value: 6_093_500 });
    expect(figures.get('keyFigures.threePublic.reception')).toEqual({ kind: 'amount', value: 10_000 });
    expect(figures.get('keyFigures.expenditureByFunction.一般公共服务支出')).toEqual({ kind: 'amount', value: 5_445_400 });
    expect(figures.get('keyFigures.vehicles')).toEqual({ kind: 'count', value: 0 });
    expect(figures.get('keyFigures.year')).toEqual({ kind: 'count', value: 2026 });
    expect(figures.get('keyFigures.contact.name')).toEqual({ kind: 'text', value: '熊馨' });
    expect(figures.get('keyFigures.glossaryTerms')).toEqual({ kind: 'text', value: '财政拨款收入、基本支出、项目支出、“三公”经费' });
    expect(figures.get('findings.error')).toEqual({ kind: 'count', value: 0 });
    // Nothing but leaves: no path names an object.
    expect([...figures.keys()].filter((p) => p === 'keyFigures.threePublic' || p === 'keyFigures.procurement')).toEqual([]);
  });

  test('amounts read in 万元 with two decimals, signed; null is —', () => {
    expect(formatFigureValue('amount', 14_839_600)).toBe('1,483.96');
    expect(formatFigureValue('amount', -780_600)).toBe('-78.06');
    expect(formatFigureValue('amount', null)).toBe('—');
    expect(formatFigureValue('count', 3)).toBe('3');
    expect(formatFigureValue('text', '')).toBe('（空）');
  });
});

describe('diffRecords', () => {
  test('identical sets: no change', () => {
    expect(diffRecords(records, records.map((r) => structuredClone(r)))).toEqual([]);
  });

  test('changed figures (old → new), added and removed records, sorted by id', () => {
    const changed = byId(DRAFT_ID);
    changed.keyFigures.threePublic.total = 12_000;
    changed.keyFigures.threePublic.reception = 12_000;
    changed.keyFigures.expenditureByFunction['教育支出'] = 5_000;
    changed.keyFigures.contact.name = null;
    changed.findings.push({ severity: 'warning', code: 'x.y', message: '提示', line: 3 });
    const added: DiffableRecord = { ...byId(DRAFT_ID), id: 'kaizhou/xinjian/2027' };
    const after = [...records.filter((r) => r.id !== DRAFT_ID && r.id !== REMOVED_ID), changed, added];
    const changes = diffRecords(records, after);
    expect(formatDiff(changes)).toEqual([
      '~ kaizhou/shuzihuachengshiyunxinghezhilizhongxin/2026 (重庆市开州区数字化城市运行和治理中心 2026)',
      '  keyFigures.expenditureByFunction.教育支出: — → 0.50',
      '  keyFigures.threePublic.total: 1.00 → 1.20',
      '  keyFigures.threePublic.reception: 1.00 → 1.20',
      '  keyFigures.contact.name: 熊馨 → —',
      '  findings.warning: 0 → 1',
      '+ kaizhou/xinjian/2027',
      `- ${REMOVED_ID}`,
    ]);
  });

  test('a figure the old record lacks entirely (older schema) shows as —', () => {
    const old = byId(DRAFT_ID) as unknown as { keyFigures: Record<string, unknown> };
    delete old.keyFigures.vehicles;
    const [change] = diffRecords([old as unknown as DiffableRecord], [byId(DRAFT_ID)]);
    expect(change).toMatchObject({ status: 'changed', figures: [{ path: 'keyFigures.vehicles', old: null, new: 0, kind: 'count' }] });
  });
});

describe('npm run diff -- <git-ref>', () => {
  const repo = tempDir('diff-repo');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.path, encoding: 'utf8' });
  const write = (r: UnitYearRecord) => {
    const path = join(repo.path, 'content', recordFile(r));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(r, null, 1)}\n`);
  };
  const EXPECTED = [
    '~ kaizhou/shuzihuachengshiyunxinghezhilizhongxin/2026 (重庆市开州区数字化城市运行和治理中心 2026)',
    '  keyFigures.incomeTotal: 609.35 → 612.35',
    '  keyFigures.threePublic.total: 1.00 → 0.80',
    '  keyFigures.threePublic.reception: 1.00 → 0.80',
    '+ kaizhou/xinjian/2027',
    `- ${REMOVED_ID}`,
    '',
  ].join('\n');

  beforeAll(async () => {
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.invalid');
    git('config', 'user.name', 'test');
    writeContent(join(repo.path, 'content'), (await ingestFiles(listSeeds(SEEDS_DIR), SEEDS_DIR)).content);
    git('add', '-A');
    git('commit', '-qm', 'published');
    // A re-issued record with new figures, one record withdrawn, one new.
    const changed = byId(DRAFT_ID);
    changed.keyFigures.incomeTotal = 6_123_500;
    changed.keyFigures.threePublic.total = 8_000;
    changed.keyFigures.threePublic.reception = 8_000;
    write(changed);
    const path = join(repo.path, 'content', recordFile(byId(REMOVED_ID)));
    rmSync(path);
    write({ ...byId(DRAFT_ID), id: 'kaizhou/xinjian/2027', slug: { district: 'kaizhou', unit: 'xinjian' }, identity: { ...byId(DRAFT_ID).identity, year: 2027 } });
  });
  afterAll(() => repo.cleanup());

  test('working content/ against HEAD: per unit-year changes, added, removed; exit 0', () => {
    const r = runCli('diff', ['HEAD'], repo.path);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(EXPECTED);
  });

  test('between commits: after committing, HEAD shows nothing and HEAD~1 the same list', () => {
    git('add', '-A');
    git('commit', '-qm', 'reissued');
    expect(runCli('diff', ['HEAD'], repo.path)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(runCli('diff', ['HEAD~1'], repo.path).stdout).toBe(EXPECTED);
    // The reader of commits agrees with the reader of folders.
    const atHead = readRecordsAtRef('HEAD', 'content', repo.path);
    expect(diffRecords(atHead, readRecordsFromDir(join(repo.path, 'content')))).toEqual([]);
    expect(atHead.map((r) => r.id)).toContain('kaizhou/xinjian/2027');
  });

  test('a ref that names no commit: exit 2 with a message', () => {
    const r = runCli('diff', ['no-such-branch'], repo.path);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no-such-branch');
    expect(r.stdout).toBe('');
  });

  test('--help says what a figure is', () => {
    const r = runNpmScript('diff', ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('keyFigures.threePublic.reception');
    expect(r.stdout).toContain('findings.error');
    expect(r.stdout).toContain('万元');
  });

  test('content/ in a subfolder of the repository', () => {
    const sub = join(repo.path, 'site');
    mkdirSync(sub);
    git('mv', 'content', 'site/content');
    git('commit', '-qm', 'move');
    const text = readFileSync(join(sub, 'content', 'records', `${DRAFT_ID}.json`), 'utf8');
    writeFileSync(join(sub, 'content', 'records', `${DRAFT_ID}.json`), text.replace('"vehicles": 0', '"vehicles": 2'));
    expect(runCli('diff', ['HEAD'], sub).stdout).toBe(
      `~ ${DRAFT_ID} (重庆市开州区数字化城市运行和治理中心 2026)\n  keyFigures.vehicles: 0 → 2\n`,
    );
  });
});
