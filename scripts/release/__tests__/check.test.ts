/**
 * `npm run check` as a sign-off: findings grouped by unit and file with `file:line: [级别] message (code)` lines,
 * exit 1 on an unacknowledged error in a record that would be published (strict: warnings too), exit 0
 * otherwise; drafts and embargoed records never block; a bad sidecar or unreadable seed always does.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS, SEEDS_DIR, tempDir } from '../../ingest/__tests__/helpers.ts';
import { addDays, copySeeds, runCli, runNpmScript } from './helpers.ts';
import { parse as parseYaml } from 'yaml';
import { checkOutcome, checkOutcomes, formatCheck, formatCheckItem, publicationOf } from '../gate.ts';
import { ingestFiles, listSeeds } from '../../ingest/run/corpus.ts';
import { sidecarSchema } from '../../../src/domain/schema/sidecar.ts';
import type { FileOutcome } from '../../ingest/run/corpus.ts';
import { makeRecord } from '../../../src/lib/__tests__/fixtures.ts';

const TODAY = '2026-05-20';
const SEED_004_ERROR =
  'seeds/004_4ff91bf0fb23a83f.txt:24: [错误] 支出预算的增减写作“较2026年”，但本文件是2026年预算，比较年份应早于2026年（应为2025年？） (change.impossible-year)';
const ACK_ERROR = 'acknowledgements:\n  - code: change.impossible-year\n    explanation: 原文笔误，应为“较2025年”。\n';
const ACK_WARNINGS = {
  '004': `${ACK_ERROR}  - code: change.income-expenditure-mismatch\n    explanation: 收入含上年结转。\n`,
  '001': 'acknowledgements:\n  - code: figure.stray-characters\n    explanation: 排版错误。\n',
};

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A project folder with the five seeds in seeds/ and the given sidecars (seed prefix → YAML). */
function project(sidecars: Partial<Record<keyof typeof SEEDS, string>> = {}): string {
  const dir = tempDir('check');
  cleanups.push(dir.cleanup);
  copySeeds(join(dir.path, 'seeds'));
  for (const [id, yaml] of Object.entries(sidecars)) {
    writeFileSync(join(dir.path, 'seeds', `${SEEDS[id as keyof typeof SEEDS]}.meta.yml`), yaml);
  }
  return dir.path;
}

const check = (cwd: string, args: string[] = [], today = TODAY) => runCli('check', ['seeds', ...args], cwd, { GONGKAI_TODAY: today });

describe('npm run check on the five sample seeds', () => {
  test("reports seed 004's comparison-year error with file:line and exits 1", () => {
    const r = check(project());
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(SEED_004_ERROR);
    // One group per seed, in file order, each headed by its file name.
    const headers = lines.filter((l) => l.startsWith('== '));
    expect(headers).toEqual(Object.values(SEEDS).map((name) => expect.stringContaining(`== seeds/${name} · `)));
    expect(headers[4]).toBe('== seeds/004_4ff91bf0fb23a83f.txt · 重庆市九龙坡区电子政务中心 2026年 · 将发布');
    // Every finding line has the contract form.
    const items = lines.filter((l) => l.startsWith('seeds/'));
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const l of items) expect(l).toMatch(/^seeds\/\S+\.txt:\d+: \[(错误|提示|说明)\] .+ \([a-z][\w.-]*\)$/);
    expect(items).toContain('seeds/001_f6abead5b2fb5ca3.txt:40: [提示] 金额后有多余字符「0万元0」，已按「0万元」读取 (figure.stray-characters)');
    expect(lines.at(-2)).toMatch(/^check: 5 个文件；错误 1 项，提示 2 项，说明 \d+ 项；1 项未确认的错误阻止发布/);
  });

  test('--help explains the exit codes and exits 0', () => {
    const r = runNpmScript('check', ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--strict');
    expect(r.stdout).toContain('GONGKAI_TODAY');
  });
});

describe('acknowledgements (CLI)', () => {
  test('acknowledging the error makes check pass, and the line shows the explanation', () => {
    const r = check(project({ '004': ACK_ERROR }));
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toContain(`${SEED_004_ERROR} 〔已确认，单位说明：原文笔误，应为“较2025年”。〕`);
    expect(r.stdout).toContain('没有阻止发布的问题');
  });

  test('--strict: the unacknowledged warnings still block', () => {
    const r = check(project({ '004': ACK_ERROR }), ['--strict']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('2 项未确认的错误或提示阻止发布');
  });
});

describe('status (CLI)', () => {
  test('a draft with an error does not block; its group says it is not published', () => {
    const r = check(project({ '004': 'status: draft\n' }));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('== seeds/004_4ff91bf0fb23a83f.txt · 重庆市九龙坡区电子政务中心 2026年 · 草稿，不发布');
    expect(r.stdout.split('\n')).toContain(SEED_004_ERROR);
  });

  test('a malformed GONGKAI_TODAY is refused (exit 2), never read as "no embargo"', () => {
    const r = check(project(), [], '2026-5-20');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('GONGKAI_TODAY');
  });
});

describe('files that cannot be ingested always block (CLI)', () => {
  test('a sidecar with a typo is a file:line error', () => {
    const r = check(project({ '003': 'publishAt: 2026-01-01\nstauts: draft\n' }));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('== seeds/003_a07dbff17632ede2.txt · 无法导入，不会发布');
    expect(r.stdout).toMatch(/^seeds\/003_a07dbff17632ede2\.txt\.meta\.yml:2: \[错误\] .*stauts.* \(ingest\.sidecar\)$/m);
    expect(r.stdout).toMatch(/^check: .*；1 个文件无法导入，不会发布/m);
  });

  test('a seed that is not a disclosure', () => {
    const dir = project({ '004': ACK_ERROR });
    writeFileSync(join(dir, 'seeds', 'zzz.txt'), '会议纪要\n今天开会。\n');
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^seeds\/zzz\.txt:\d+: \[错误\] .+ \(ingest\.[a-z-]+\)$/m);
  });
});

describe('grouped by unit; --format json; a correction', () => {
  test('text: one `## unit` line per unit with its files under it; the two years of 开州区政务信息中心 together', () => {
    const r = check(project());
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('## ') || l.startsWith('== '));
    expect(lines.slice(0, 3)).toEqual([
      '## 重庆市开州区政务信息中心（2 份文件）',
      expect.stringContaining(`== seeds/${SEEDS['000']} · `),
      expect.stringContaining(`== seeds/${SEEDS['001']} · `),
    ]);
    expect(lines.filter((l) => l.startsWith('## '))).toHaveLength(4);
  });

  test('json: the same findings per unit and file, the same exit codes; a bad --format is bad usage', () => {
    const dir = project();
    const text = check(dir);
    const r = check(dir, ['--format', 'json']);
    expect(r.status).toBe(text.status);
    const report = JSON.parse(r.stdout) as {
      failed: boolean; summary: { files: number; error: number; blocking: number };
      units: { unit: string; files: { file: string; items: { file: string; line: number; severity: string; code: string; blocking: boolean }[] }[] }[];
    };
    expect(report.failed).toBe(true);
    expect(report.summary).toMatchObject({ files: 5, error: 1, blocking: 1 });
    expect(report.units.map((u) => u.files.length)).toEqual([2, 1, 1, 1]);
    const items = report.units.flatMap((u) => u.files.flatMap((f) => f.items));
    expect(items).toContainEqual(expect.objectContaining({
      file: `seeds/${SEEDS['004']}`, line: 24, severity: 'error', code: 'change.impossible-year', blocking: true,
    }));
    expect(check(project({ '004': ACK_ERROR }), ['--format=json']).status).toBe(0);
    expect(check(dir, ['--format', 'xml']).status).toBe(2);
  });

  test('a draft copy of a published seed is checked as its correction, and must say what it corrects before it goes out', () => {
    const dir = project();
    writeFileSync(join(dir, 'seeds', 'zz-corrected.txt'), readFileSync(join(dir, 'seeds', SEEDS['003']), 'utf8'));
    writeFileSync(join(dir, 'seeds', 'zz-corrected.txt.meta.yml'), 'status: draft\n');
    const draft = check(dir, ['--format', 'json']);
    const files = (JSON.parse(draft.stdout) as { units: { files: { file: string; record: unknown; items: { code: string; blocking: boolean }[] }[] }[] }).units.flatMap((u) => u.files);
    const corrected = files.find((f) => f.file === 'seeds/zz-corrected.txt')!;
    expect(corrected.record).toMatchObject({ revision: { version: 2, replaces: SEEDS['003'] }, publication: { state: 'draft' } });
    expect(corrected.items).toEqual([expect.objectContaining({ code: 'release.correction-note', blocking: false })]);
    expect(check(dir).stdout).toContain(`== seeds/zz-corrected.txt · 重庆市渝中区人民政府办公室 2026年 · 更正稿（第2版，替换 ${SEEDS['003']}） · 草稿，不发布`);
    // Published without a 更正说明: blocks; with one: passes (seed 004's error acknowledged).
    writeFileSync(join(dir, 'seeds', `${SEEDS['004']}.meta.yml`), ACK_ERROR);
    writeFileSync(join(dir, 'seeds', 'zz-corrected.txt.meta.yml'), `replaces: ${SEEDS['003']}\n`);
    expect(check(dir).status).toBe(1);
    writeFileSync(join(dir, 'seeds', 'zz-corrected.txt.meta.yml'), `replaces: ${SEEDS['003']}\ncorrections:\n  - date: 2026-05-01\n    note: 更正了公务接待费。\n`);
    expect(check(dir).status).toBe(0);
  });
});

describe('gate on the shipped seeds with release states (in-process)', () => {
  let seeds: FileOutcome[] | undefined;
  /** The seeds' outcomes with sidecar YAML applied to records by seed prefix. */
  async function outcomesWith(sidecars: Partial<Record<keyof typeof SEEDS, string>>): Promise<FileOutcome[]> {
    seeds ??= (await ingestFiles(listSeeds(SEEDS_DIR), SEEDS_DIR)).outcomes;
    return seeds.map((o) => {
      const id = (Object.keys(SEEDS) as (keyof typeof SEEDS)[]).find((k) => o.file.endsWith(SEEDS[k]))!;
      const yaml = sidecars[id];
      return yaml === undefined ? o : { ...o, record: { ...o.record!, release: sidecarSchema.parse(parseYaml(yaml)) } };
    });
  }
  const failed = async (sidecars: Partial<Record<keyof typeof SEEDS, string>>, today = TODAY, strict = false) =>
    checkOutcomes(await outcomesWith(sidecars), { today, strict }).failed;

  test('no sidecar: the error blocks; explicitly published is the same', async () => {
    expect(await failed({})).toBe(true);
    expect(await failed({ '004': 'status: published\n' })).toBe(true);
  });

  test('acknowledgements: by code only; strict needs the warnings acknowledged too', async () => {
    expect(await failed({ '004': ACK_ERROR })).toBe(false);
    expect(await failed({ '004': 'acknowledgements:\n  - code: table.rounding\n    explanation: 四舍五入。\n' })).toBe(true);
    expect(await failed({ '004': ACK_ERROR }, TODAY, true)).toBe(true);
    expect(await failed(ACK_WARNINGS, TODAY, true)).toBe(false);
  });

  test.each([
    ['yesterday', addDays(TODAY, -1), true],
    ['today', TODAY, true],
    ['tomorrow', addDays(TODAY, 1), false],
  ])(`publishAt %s (%s, today ${TODAY}) → blocks: %s`, async (_when, publishAt, blocks) => {
    expect(await failed({ '004': `publishAt: ${publishAt}\n` })).toBe(blocks);
  });

  test('an embargoed record with an unacknowledged error is flagged for its publication day', async () => {
    const options = { today: TODAY, strict: false };
    const { files } = checkOutcomes(await outcomesWith({ '004': `publishAt: ${addDays(TODAY, 1)}\n` }), options);
    const text = formatCheck(files, options).join('\n');
    expect(text).toContain(`定于 ${addDays(TODAY, 1)} 发布，今天不发布`);
    expect(text).toContain('以上未确认的问题在发布日之前须更正或确认');
  });

  test('a draft never blocks, whatever its publishAt, even when strict', async () => {
    expect(await failed({ '004': 'status: draft\npublishAt: 2020-01-01\n', '001': 'status: draft\n' }, TODAY, true)).toBe(false);
    expect(await failed({ '004': 'status: draft\npublishAt: 2020-01-01\n' }, TODAY, true)).toBe(true); // 001's warning
  });
});

describe('gate rules', () => {
  const release = (yaml: Partial<ReturnType<typeof sidecarSchema.parse>>) => sidecarSchema.parse(yaml);
  const outcome = (r: ReturnType<typeof makeRecord>): FileOutcome => ({ file: 'seeds/x.txt', record: r, diagnostics: [] });

  test('publicationOf: published, draft (whatever the date), embargoed until publishAt', () => {
    expect(publicationOf(release({}), TODAY)).toEqual({ state: 'published' });
    expect(publicationOf(release({ status: 'draft', publishAt: '2020-01-01' }), TODAY)).toEqual({ state: 'draft' });
    expect(publicationOf(release({ publishAt: addDays(TODAY, 1) }), TODAY)).toEqual({ state: 'embargoed', publishAt: addDays(TODAY, 1) });
    expect(publicationOf(release({ publishAt: TODAY }), TODAY)).toEqual({ state: 'published' });
  });

  test('info never blocks, warnings only when strict, whole-document findings point at line 1', () => {
    const r = makeRecord();
    r.findings = [
      { severity: 'info', code: 'a.info', message: '说明', line: 3 },
      { severity: 'warning', code: 'a.warning', message: '提示', line: null },
    ];
    const loose = checkOutcome(outcome(r), { today: TODAY, strict: false });
    expect(loose.items.map((i) => i.blocking)).toEqual([false, false]);
    const strict = checkOutcome(outcome(r), { today: TODAY, strict: true });
    expect(strict.items.map((i) => i.blocking)).toEqual([false, true]);
    expect(formatCheckItem(strict.items[1]!)).toBe('seeds/x.txt:1: [提示] 提示 (a.warning)');
  });
});
