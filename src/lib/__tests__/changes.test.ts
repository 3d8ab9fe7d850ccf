/** The preview's "what changed": a record against its version in content/ at git HEAD. */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { changesFor, figureTitle } from '../changes.ts';
import { makeRecord } from './fixtures.ts';
import type { UnitYearRecord } from '../../domain/schema/record.ts';

const committed = makeRecord({ incomeTotal: 14_839_600 });
let repo: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'gongkai-changes-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo });
  git('init', '-q');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'test');
  const path = join(repo, 'content', 'records', `${committed.id}.json`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(committed));
  git('add', '-A');
  git('commit', '-qm', 'content');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const source = () => ({ cwd: repo, contentDir: 'content' });
const edited = (change: (r: UnitYearRecord) => void): UnitYearRecord => {
  const r = structuredClone(committed);
  change(r);
  return r;
};

describe('changesFor', () => {
  test('outside preview: null, whatever changed', () => {
    expect(changesFor(edited((r) => { r.keyFigures.incomeTotal = 1; }), { preview: false, source: source() })).toBeNull();
  });

  test('the same figures as committed: unchanged', () => {
    expect(changesFor(structuredClone(committed), { preview: true, source: source() })).toEqual({ status: 'unchanged' });
  });

  test('changed figures old → new, as npm run diff lists them', () => {
    const r = edited((x) => {
      x.keyFigures.incomeTotal = 15_000_000;
      x.findings.push({ severity: 'error', code: 'a.b', message: '错误', line: 2 });
    });
    expect(changesFor(r, { preview: true, source: source() })).toEqual({
      status: 'changed',
      figures: [
        { path: 'keyFigures.incomeTotal', kind: 'amount', old: 14_839_600, new: 15_000_000 },
        { path: 'findings.error', kind: 'count', old: 0, new: 1 },
      ],
    });
  });

  test('a record not in the last commit is new', () => {
    expect(changesFor(makeRecord({ unit: 'other' }), { preview: true, source: source() })).toEqual({ status: 'added' });
  });

  test('a new commit is compared with at once (HEAD is asked of git again when its ref file changes)', () => {
    const r = edited((x) => { x.keyFigures.incomeTotal = 15_000_000; });
    expect(changesFor(r, { preview: true, source: source() })?.status).toBe('changed');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo });
    writeFileSync(join(repo, 'content', 'records', `${committed.id}.json`), JSON.stringify(r));
    git('commit', '-qam', 'edited');
    try {
      expect(changesFor(r, { preview: true, source: source() })).toEqual({ status: 'unchanged' });
      expect(changesFor(structuredClone(committed), { preview: true, source: source() })?.status).toBe('changed');
    } finally {
      git('reset', '-q', '--hard', 'HEAD~1');
    }
    expect(changesFor(structuredClone(committed), { preview: true, source: source() })).toEqual({ status: 'unchanged' });
  });

  test('no git history to compare with: null', () => {
    const plain = mkdtempSync(join(tmpdir(), 'gongkai-nogit-'));
    try {
      expect(changesFor(committed, { preview: true, source: { cwd: plain, contentDir: 'content' } })).toBeNull();
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe('figureTitle', () => {
  test.each([
    ['keyFigures.incomeTotal', '收入预算合计'],
    ['keyFigures.threePublic.total', '“三公”经费合计'],
    ['keyFigures.threePublic.reception', '公务接待费'],
    ['keyFigures.procurement.goods', '政府采购·货物'],
    ['keyFigures.contact.phone', '联系方式'],
    ['keyFigures.expenditureByFunction.教育支出', '支出功能分类：教育支出'],
    ['findings.warning', '数据核对：提示（项）'],
    ['keyFigures.somethingNew', 'keyFigures.somethingNew'],
  ])('%s → %s', (path, title) => {
    expect(figureTitle(path)).toBe(title);
  });
});

describe('ChangeList component', () => {
  test('preview: a table of changed figures with titles, old and new values; production: nothing', async () => {
    const { render } = await import('../../components/record/__tests__/render.ts');
    const { default: ChangeList } = await import('../../components/release/ChangeList.astro');
    const cwd = vi.spyOn(process, 'cwd').mockReturnValue(repo);
    try {
      const record = edited((x) => { x.keyFigures.incomeTotal = 15_000_000; });
      const html = await render(ChangeList, { record, preview: true });
      expect(html).toContain('与上次定稿相比的变化');
      expect(html).not.toMatch(/content\/|提交/);
      expect(html).toMatch(/<tr data-path="keyFigures.incomeTotal"><th scope="row">收入预算合计<\/th><td class="num"><del>1,483.96<\/del><\/td><td class="num"><ins>1,500.00<\/ins><\/td><\/tr>/);
      expect((await render(ChangeList, { record, preview: false })).trim()).toBe('');
      expect(await render(ChangeList, { record: makeRecord({ unit: 'other' }), preview: true })).toContain('这是新增的文件');
      // A correction: compared with the version it replaces, not with the last saved state.
      const replaced = edited((x) => { x.keyFigures.incomeTotal = 14_000_000; });
      const correction = await render(ChangeList, { record, replaced: { record: replaced, href: '/v1/' }, preview: true });
      expect(correction).toContain('更正稿改动了哪些数字');
      expect(correction).toContain('<a href="/v1/">已发布的版本</a>');
      expect(correction).toMatch(/<del>1,400.00<\/del>.*<ins>1,500.00<\/ins>/s);
    } finally {
      cwd.mockRestore();
    }
  });
});
