import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize, type Line } from '../stages/normalize.ts';
import { SEEDS_DIR } from './helpers.ts';
import { extractTables, tableKind, type TablesResult } from '../stages/tables.ts';
import { TABLE_KINDS } from '../../../src/domain/terms/table-kinds.ts';
import { tableSchema } from '../../../src/domain/schema/table.ts';
import { performanceTargetSchema } from '../../../src/domain/schema/performance-target.ts';
import { findingSchema } from '../../../src/domain/schema/finding.ts';

const SEED = join(SEEDS_DIR, '004_4ff91bf0fb23a83f.txt');
/** 0-based index of the first attached table title in seed 004 (line 81). */
const SEED_FROM = 80;

const toLines = (text: string): Line[] => normalize(Buffer.from(text, 'utf8'), 'test.txt').lines;
const seedText = (): string => readFileSync(SEED, 'utf8');

/** Replaces the text of 1-based line `n` in `text`. */
function withLine(text: string, n: number, replacement: string): string {
  const parts = text.split('\n');
  parts[n - 1] = replacement;
  return parts.join('\n');
}

function runSeed(text = seedText()): { lines: Line[]; result: TablesResult } {
  const lines = toLines(text);
  return { lines, result: extractTables(lines, SEED_FROM, lines.length) };
}

/** One row per array: each cell a TAB line, a blank line after the row. */
const rows = (...rs: string[][]): string => rs.map((r) => r.map((c) => `\t${c}\n`).join('') + '\n').join('');

describe('extractTables on seed 004', () => {
  const { lines, result } = runSeed();

  it('finds the 13 attached tables with their titles, kinds and unit', () => {
    expect(result.tables.map((t) => [t.id, t.kind, t.title])).toEqual([
      ['t1', 'fiscalSummary', '2026年九龙坡区电子政务中心财政拨款收支总表'],
      ['t2', 'generalBudgetExpenditure', '2026年九龙坡区电子政务中心一般公共预算财政拨款支出预算表'],
      ['t3', 'basicExpenditure', '2026年九龙坡区电子政务中心一般公共预算财政拨款基本支出预算表（部门预算支出经济分类科目）'],
      ['t4', 'basicExpenditureGovEconomic', '2026年九龙坡区电子政务中心一般公共预算财政拨款基本支出预算表（政府预算支出经济分类科目）'],
      ['t5', 'threePublic', '2026年九龙坡区电子政务中心一般公共预算“三公”经费支出表'],
      ['t6', 'governmentFund', '2026年九龙坡区电子政务中心政府性基金预算支出表'],
      ['t7', 'departmentSummary', '2026年九龙坡区电子政务中心部门收支总表'],
      ['t8', 'departmentIncome', '2026年九龙坡区电子政务中心部门收入总表'],
      ['t9', 'departmentExpenditure', '2026年九龙坡区电子政务中心部门支出总表'],
      ['t10', 'projectExpenditure', '2026年九龙坡区电子政务中心一般公共预算财政拨款项目支出预算表（部门预算支出经济分类科目）'],
      ['t11', 'projectExpenditureGovEconomic', '2026年九龙坡区电子政务中心一般公共预算财政拨款项目支出预算表（政府预算支出经济分类科目）'],
      ['t12', 'procurement', '2026年九龙坡区电子政务中心政府采购明细表'],
      ['t13', 'performanceTargets', '2026年九龙坡区电子政务中心项目绩效目标表'],
    ]);
    expect(result.tables.every((t) => t.unitOfMeasure === '万元')).toBe(true);
    expect(result.tables.every((t) => t.kind in TABLE_KINDS)).toBe(true);
  });

  it('produces records that satisfy the shared schemas', () => {
    for (const t of result.tables) expect(tableSchema.safeParse(t).success).toBe(true);
    for (const p of result.performanceTargets) expect(performanceTargetSchema.safeParse(p).success).toBe(true);
    for (const f of result.findings) expect(findingSchema.safeParse(f).success).toBe(true);
  });

  it('keeps the two header rows of table 1 and starts its body at the first amount', () => {
    const t1 = result.tables[0]!;
    expect(t1.header).toEqual([
      ['收入', '支出'],
      ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
    ]);
    expect(t1.rows[0]!.cells.map((c) => c.text)).toEqual(['一、本年收入', '1,051.74', '一、本年支出', '1,051.74', '1,051.74', '', '']);
    expect(t1.startLine).toBe(81);
    expect(t1.endLine).toBe(192);
  });

  it('reads amounts as integer 分 in the stated unit', () => {
    const row = result.tables[0]!.rows.find((r) => r.cells[2]!.text === '一般公共服务支出')!;
    expect(row.cells[3]).toEqual({ text: '1,002.71', fen: 1_002_710_000, line: 111 });
    expect(row.cells[2]!.fen).toBeNull();
    expect(result.tables[0]!.numericColumns).toEqual([1, 3, 4]);
  });

  it('reads 科目编码 with level and parent (table 9, 部门支出总表)', () => {
    const t9 = result.tables[8]!;
    const row = t9.rows.find((r) => r.code === '2010350')!;
    expect(row).toMatchObject({ level: 'item', parentCode: '20103', total: false, line: 856 });
    expect(row.cells.map((c) => [c.text, c.fen])).toEqual([
      ['2010350', null],
      ['事业运行', null],
      ['115.78', 115_780_000],
      ['115.78', 115_780_000],
      ['', null],
    ]);
    expect(t9.rows.find((r) => r.code === '201')).toMatchObject({ level: 'class', parentCode: null });
    expect(t9.rows.find((r) => r.code === '20103')).toMatchObject({ level: 'section', parentCode: '201' });
    // economic classes: 301 / 30101
    expect(result.tables[2]!.rows.find((r) => r.code === '30101')).toMatchObject({ level: 'section', parentCode: '301' });
  });

  it('aligns a 合计 row printed in a merged 编码+名称 cell with the coded rows', () => {
    const total = result.tables[8]!.rows[0]!;
    expect(total.total).toBe(true);
    expect(total.cells.map((c) => c.text)).toEqual(['合计', '', '1,051.74', '164.81', '886.93']);
    expect(result.tables[8]!.numericColumns).toEqual([2, 3, 4]);
  });

  it('treats a header 合计 followed by text as header, and keeps empty tables', () => {
    const t5 = result.tables[4]!;
    expect(t5.header[1]).toEqual(['合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费']);
    expect(t5.rows).toEqual([]);
    const t6 = result.tables[5]!;
    expect(t6.rows).toHaveLength(1);
    expect(t6.rows[0]!.total).toBe(true);
    expect(t6.rows[0]!.cells.every((c) => c.fen === null)).toBe(true);
  });

  it('keeps the note under the procurement table', () => {
    expect(result.tables[11]!.note).toBe('说明：  1.本来默认为‘一上申报数’，查询时请开“取数时点”');
  });

  it('reads the performance target form and its indicators', () => {
    expect(result.performanceTargets).toHaveLength(1);
    const p = result.performanceTargets[0]!;
    expect(p.project).toBe('电子政务保障经费');
    expect(p.totalYuan).toBe(1086000);
    expect(p.objective).toMatch(/^强化机房设备定期巡检/);
    expect(p.fields.find((f) => f.label === '主管部门')).toEqual({ label: '主管部门', value: '102-重庆市九龙坡区人民政府办公室', line: 1181 });
    expect(p.fields.map((f) => f.label)).not.toContain('项目名称');
    expect(p.indicators).toHaveLength(6);
    expect(p.indicators[0]).toEqual({
      level1: '产出指标',
      level2: '数量指标',
      level3: '保障31台服务器和12个电子政务系统的正常运行',
      nature: '＝',
      value: '31',
      unit: '个',
      weight: 20,
      line: 1232,
    });
    expect(p.indicators[5]).toMatchObject({ level1: '满意度指标', value: '80', unit: '%', weight: 10 });
    // the form is also kept as a table, as printed, starting at its unit line (which precedes the title)
    const t13 = result.tables[12]!;
    expect(t13.startLine).toBe(1170);
    expect(t13.header).toEqual([]);
    expect(t13.numericColumns).toEqual([]);
    expect(t13.rows[0]!.cells.slice(0, 4).map((c) => c.text)).toEqual(['单位信息：', '102003-重庆市九龙坡区电子政务中心', '项目名称：', '电子政务保障经费']);
  });

  it('finds no errors: the seed adds up, its 0.01万元 rounding differences are reported as info', () => {
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(result.findings.map((f) => [f.code, f.line])).toEqual([
      ['table.rounding', 330],
      ['table.rounding', 331],
      ['table.rounding', 402],
      ['table.rounding', 404],
    ]);
    expect(result.findings[0]!.message).toContain('科目301的子项合计145.18万元，与该科目145.17万元相差0.01万元');
  });

  it('reports the rounding differences as errors when asked to be exact', () => {
    const exact = extractTables(lines, SEED_FROM, lines.length, { roundingSlackPerChild: 0 });
    const errors = exact.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.line])).toEqual([
      ['table.children-sum', 330],
      ['table.children-sum', 331],
      ['table.children-sum', 402],
      ['table.children-sum', 404],
    ]);
  });

  it('leaves no non-blank table line unused', () => {
    const unused = lines.slice(SEED_FROM).filter((l) => l.text.trim() !== '' && !result.used.has(l.n));
    expect(unused).toEqual([]);
    // page footers are consumed; blank lines outside tables are not
    expect(result.used.has(1329)).toBe(true);
    expect(result.used.has(1331)).toBe(true);
    expect(result.used.has(1150)).toBe(false);
    // nothing outside the range
    expect([...result.used].every((n) => n > SEED_FROM && n <= lines.length)).toBe(true);
  });

  it('also works when the range includes the narrative and the list of titles', () => {
    const all = extractTables(lines, 0, lines.length);
    expect(all.tables.map((t) => t.title)).toEqual(result.tables.map((t) => t.title));
    for (let n = 1; n <= SEED_FROM; n++) expect(all.used.has(n)).toBe(false);
  });
});

describe('sum checks', () => {
  it('reports a child that no longer adds up to its parent, on the parent cell', () => {
    // 部门支出总表: 2010350 事业运行 总计 115.78 → 125.78; parent 20103 prints 1,002.71 on line 852
    const { result } = runSeed(withLine(seedText(), 858, '\t125.78'));
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([
      {
        severity: 'error',
        code: 'table.children-sum',
        message: '表9「2026年九龙坡区电子政务中心部门支出总表」科目20103的子项合计1,012.71万元，与该科目1,002.71万元不一致（「总计」列）',
        line: 852,
      },
    ]);
  });

  it('reports a 合计 row that differs from the sum of the 类 rows', () => {
    const { result } = runSeed(withLine(seedText(), 840, '\t1,061.74'));
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.line])).toEqual([['table.total-sum', 840]]);
    expect(errors[0]!.message).toBe('表9「2026年九龙坡区电子政务中心部门支出总表」合计行1,061.74万元，与各类科目之和1,051.74万元不一致（「总计」列）');
  });
});

describe('other layouts', () => {
  const yuanTable =
    '2025年部门收入预算总表\n编制部门：某某区人民政府办公室\n金额单位：元\n' +
    rows(
      ['类', '款', '项', '科目名称', '合计', '财政拨款收入'],
      ['合计', '86,959,408.34', '86,959,408.34'],
      ['201', '', '', '一般公共服务支出', '86,959,408.34', '86,959,408.34'],
      ['201', '03', '', '政府办公厅（室）及相关机构事务', '86,959,408.34', '86,959,408.34'],
      ['201', '03', '01', '行政运行', '80,000,000.00', '80,000,000.00'],
      ['201', '03', '50', '事业运行', '6,959,408.34', '6,959,408.34'],
    );

  it('reads a 元 table with 分 values and codes printed in separate cells', () => {
    const lines = toLines(yuanTable);
    const r = extractTables(lines, 0, lines.length);
    expect(r.tables).toHaveLength(1);
    const t = r.tables[0]!;
    expect(t).toMatchObject({ kind: 'departmentIncome', unitOfMeasure: '元', header: [['类', '款', '项', '科目名称', '合计', '财政拨款收入']] });
    expect(t.rows.map((row) => [row.code, row.level, row.parentCode])).toEqual([
      [null, null, null],
      ['201', 'class', null],
      ['20103', 'section', '201'],
      ['2010301', 'item', '20103'],
      ['2010350', 'item', '20103'],
    ]);
    expect(t.rows[0]!.cells.map((c) => c.fen)).toEqual([null, null, null, null, 8_695_940_834, 8_695_940_834]);
    expect(t.rows[4]!.cells.map((c) => c.fen)).toEqual([null, null, null, null, 695_940_834, 695_940_834]);
    expect(t.numericColumns).toEqual([4, 5]);
    expect(r.findings).toEqual([]);
    // 编制部门 is not placed: it stays unused for the caller to publish
    expect(r.used.has(2)).toBe(false);
    expect(r.used.has(1)).toBe(true);
    expect(r.used.has(3)).toBe(true);
  });

  it('is exact for tables printing 分: a one-分 difference is an error', () => {
    const lines = toLines(yuanTable.replace('\t6,959,408.34\n\t6,959,408.34', '\t6,959,408.35\n\t6,959,408.34'));
    const r = extractTables(lines, 0, lines.length);
    expect(r.findings.map((f) => [f.severity, f.code])).toEqual([['error', 'table.children-sum']]);
    expect(r.findings[0]!.message).toContain('科目20103的子项合计86,959,408.35元，与该科目86,959,408.34元不一致（「合计」列）');
  });

  it('reads codes with inner spaces or inline with the name, and a table with no unit line', () => {
    const text =
      '2025年一般公共预算支出预算表\n\n' +
      rows(['科目编码', '科目名称', '金额'], ['201', '一般公共服务支出', '３．５０'], ['201 03', '政府办公厅（室）及相关机构事务', '3.50'], ['2010350 事业运行', '', '3.50']);
    const lines = toLines(text);
    const t = extractTables(lines, 0, lines.length).tables[0]!;
    expect(t.unitOfMeasure).toBeNull();
    expect(t.kind).toBe('generalBudgetExpenditure');
    expect(t.rows.map((r) => r.code)).toEqual(['201', '20103', '2010350']);
    expect(t.rows[0]!.cells[2]).toMatchObject({ text: '３．５０', fen: 3_500_000 });
  });

  it('does not take amounts for codes', () => {
    const text = '2025年“三公”经费支出表\n单位：元\n' + rows(['合计', '因公出国（境）费', '公务接待费'], ['12000', '10000', '2000']);
    const lines = toLines(text);
    const t = extractTables(lines, 0, lines.length).tables[0]!;
    expect(t.rows[0]!.code).toBeNull();
    expect(t.rows[0]!.cells.map((c) => c.fen)).toEqual([1_200_000, 1_000_000, 200_000]);
  });

  it('maps title vocabulary to kinds', () => {
    expect(tableKind('2025年部门财政拨款收支预算总表')).toBe('fiscalSummary');
    expect(tableKind('2025年部门财务收支预算总表')).toBe('departmentSummary');
    expect(tableKind('2025年部门一般公共预算支出功能分类预算表')).toBe('generalBudgetExpenditure');
    expect(tableKind('2025年部门国有资本经营预算支出功能分类预算表')).toBe('stateCapitalBudget');
    expect(tableKind('附表说明')).toBe('other');
  });
});

describe('degrading on bad input', () => {
  it('leaves a title without rows, rows without a title and junk lines unused', () => {
    const text =
      '\t孤立的单元格\n\n' + // 1-2: cells before any title
      '2026年某单位部门收支总表\n' + // 3: title with no rows (next title follows)
      '2026年某单位部门支出总表\n单位：万元\n' + // 4-5
      rows(['科目编码', '科目名称', '总计'], ['201', '一般公共服务支出', '1.00']) + // 6-13
      '%%% 乱码 ###\n' + // 14: junk ends the table
      '\t1.00\n'; // 15: a cell with no table
    const lines = toLines(text);
    const r = extractTables(lines, 0, lines.length);
    expect(r.tables.map((t) => [t.title, t.startLine, t.endLine])).toEqual([['2026年某单位部门支出总表', 4, 12]]);
    expect([...r.used].sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('keeps parsing the seed around a junk line, which stays unused', () => {
    // line 307 is the first line of table 3's title; insert junk just before it
    const parts = seedText().split('\n');
    parts.splice(306, 0, '@@@ 不是表格 @@@');
    const lines = toLines(parts.join('\n'));
    const r = extractTables(lines, SEED_FROM, lines.length);
    expect(r.tables).toHaveLength(13);
    expect(r.used.has(307)).toBe(false);
    const unused = lines.slice(SEED_FROM).filter((l) => l.text.trim() !== '' && !r.used.has(l.n));
    expect(unused.map((l) => l.n)).toEqual([307]);
  });

  it('never throws and only reports lines in range, on arbitrary input', () => {
    const piece = fc.oneof(
      fc.constantFrom('', '\t', '\t合计', '\t201', '\t 20103', '\t03', '\t1,051.74', '\t-3.5', '\t一级指标', '\t三级指标', '\t项目名称：', '\t项目总额（元）：'),
      fc.constantFrom('单位：万元', '金额单位：元', '附件3', '— 3 —', '说明：无', '（政府预算支出经济分类科目）'),
      fc.constantFrom('2026年某单位财政拨款收支总表', '2026年某单位项目绩效目标表', '2026年某单位政府性基金', '预算支出表'),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ maxLength: 12 }).map((s) => `\t${s}`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.nat(90), fc.nat(90), (pieces, a, b) => {
        const lines = toLines(pieces.join('\n') || ' ');
        const r = extractTables(lines, a, b);
        const inRange = new Set(lines.slice(a, b).map((l) => l.n));
        for (const n of r.used) expect(inRange.has(n)).toBe(true);
        for (const t of r.tables) {
          expect(tableSchema.safeParse(t).success).toBe(true);
          expect(new Set(t.rows.map((row) => row.cells.length)).size).toBeLessThanOrEqual(1);
        }
        for (const p of r.performanceTargets) expect(performanceTargetSchema.safeParse(p).success).toBe(true);
      }),
      { numRuns: 400 },
    );
    expect(extractTables([], 5, -1)).toMatchObject({ tables: [], performanceTargets: [], findings: [] });
  });

  it('does not crash on other real layouts (PDF text) and finds no tab tables there', () => {
    const dir = join(import.meta.dirname, '../../../../shared/corpus/reading-order');
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    } catch {
      return; // corpus not available on this machine
    }
    for (const f of files) {
      const lines = normalize(readFileSync(join(dir, f)), f).lines;
      expect(extractTables(lines, 0, lines.length).tables).toEqual([]);
    }
  });

  // Speed is measured by `npm run bench`, not asserted here; this only proves a very long table is read whole.
  it('reads a 20,000-row table whole', () => {
    const body = Array.from({ length: 20_000 }, (_, k) => `\t${201 + (k % 700)}\n\t科目${k}\n\t${k}.00\n\n`).join('');
    const lines = toLines(`2026年某单位部门支出总表\n单位：万元\n\t科目编码\n\t科目名称\n\t总计\n\n${body}`);
    const r = extractTables(lines, 0, lines.length);
    expect(r.tables[0]!.rows).toHaveLength(20_000);
    expect(r.tables[0]!.rows[19_999]!.cells[2]!.fen).toBe(19_999_000_000); // 19,999.00万元 in 分
  });
});
