/**
 * Tables laid out in columns, on real documents (the fixtures are pdftotext -layout renderings of corpus
 * PDFs, unedited): every expected figure below was read by hand from the printed tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize, type Line } from '../../normalize.ts';
import { parseDocument } from '../../../index.ts';
import { segmentsOf } from '../layout.ts';
import { place } from '../grid.ts';
import { readLayoutTables, toYuan } from '../index.ts';
import { tableSchema } from '../../../../../src/domain/schema/table.ts';
import { standardTableKind } from '../../../../../src/domain/terms/standard-tables.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const text = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const linesOf = (t: string): Line[] => normalize(Buffer.from(t, 'utf8'), 'test.txt').lines;
const read = (t: string) => readLayoutTables(linesOf(t), [0, 0], 1);
/** 万元 with two decimals → 分. */
const wan = (s: string): number => Math.round(Number(s.replace(/,/g, '')) * 1_000_000);
const withLine = (t: string, n: number, f: (line: string) => string): string => {
  const parts = t.split('\n');
  parts[n - 1] = f(parts[n - 1]!);
  return parts.join('\n');
};

describe('segments of layout text', () => {
  it('splits at two or more spaces and between an amount and a label separated by one space', () => {
    expect(segmentsOf('一、财政拨款              13,297.11 一、一般公共服务支出   10,271.56').map((s) => s.text))
      .toEqual(['一、财政拨款', '13,297.11', '一、一般公共服务支出', '10,271.56']);
  });
  it('keeps a label with one inner space, joins a spread 合   计, and gives character columns', () => {
    const segs = segmentsOf('   1. 一般公共预算资金     合   计   42.00');
    expect(segs.map((s) => s.text)).toEqual(['1. 一般公共预算资金', '合计', '42.00']);
    expect(segs[0]!.x0).toBe(3);
    expect(segs[2]!.x1).toBe(segs[2]!.x0 + 5);
  });
});

describe('placing a row with blank cells in its columns', () => {
  const columns = [51, 67, 83]; // 合计 | 基本支出 | 项目支出
  it('uses the gaps between the row’s own amounts, so a shifted line is still placed', () => {
    expect(place([51, 83], columns)).toEqual([0, 2]); // 46,140,000.00 ... 46,140,000.00: 合计 and 项目支出
    expect(place([41, 56], columns)).toEqual([0, 1]); // a line pdftotext moved 10 columns left
  });
  it('gives null when two placements fit about as well', () => {
    expect(place([59], columns)).toBeNull();
  });
});

describe('titles of the standard tables, with the real variants', () => {
  it.each([
    ['收支预算总表', 'departmentSummary'], ['2025年部门财务收支预算总表', 'departmentSummary'], ['部门收支总体情况表', 'departmentSummary'],
    ['收入预算总表', 'departmentIncome'], ['2025年部门支出预算总表', 'departmentExpenditure'], ['财政拨款收支预算总表', 'fiscalSummary'],
    ['一般公共预算支出预算表（功能科目）', 'generalBudgetExpenditure'], ['2025年部门一般公共预算基本支出部门预算经济分类预算表', 'basicExpenditure'],
    ['“三公”经费、会议费、培训费支出预算表', 'threePublic'], ['2025年部门“三公”经费和机关运行经费预算表', 'threePublic'],
    ['财政拨款政府性基金支出预算表', 'governmentFund'], ['一般公共预算机关运行经费支出预算表', 'operatingExpenses'],
    ['2019年政府采购预算表', 'procurement'], ['项目支出表', 'projectExpenditure'], ['项目绩效目标表', 'performanceTargets'],
  ])('%s → %s', (title, kind) => expect(standardTableKind(title)).toBe(kind));
  it('a sentence or a heading naming a table is not a title', () => {
    expect(standardTableKind('收支预算总表情况说明')).toBeNull();
  });
});

describe('Jiangsu tables file (江苏省政协办公厅 2019 公开表, 万元)', () => {
  const result = read(text('js-zhengxie-biaoge-2019.txt'));
  const f = result.figures.figures;

  it('finds the twelve tables by title, each stored valid', () => {
    expect(result.tables.map((t) => t.kind)).toEqual([
      'departmentSummary', 'departmentIncome', 'departmentExpenditure', 'fiscalSummary', 'fiscalExpenditure',
      'fiscalBasicExpenditure', 'generalBudgetExpenditure', 'basicExpenditure', 'threePublic', 'governmentFund',
      'operatingExpenses', 'procurement',
    ]);
    for (const t of result.tables) expect(tableSchema.parse(t)).toEqual(t);
    expect(result.tables.every((t) => t.unitOfMeasure === '万元')).toBe(true);
  });

  it('reads the 收支预算总表: totals, 一般公共预算, the three kinds of expenditure, the function classes', () => {
    expect(f.incomeTotal?.fen).toBe(wan('13,377.11'));
    expect(f.expenditureTotal?.fen).toBe(wan('13,377.11'));
    expect(f.incomeTotal?.line).toBe(31);
    expect(f.generalBudget?.fen).toBe(wan('13,297.11'));
    expect(f.governmentFund?.fen).toBe(0);
    expect(f.basicTotal?.fen).toBe(wan('6,522.75'));
    expect(f.projectTotal?.fen).toBe(wan('4,968.34'));
    expect(f.reserveTotal?.fen).toBe(wan('1,886.02'));
    expect(result.figures.byFunction?.map((x) => [x.label, x.figure.fen])).toEqual([
      ['一般公共服务支出', wan('10,271.56')], ['社会保障和就业支出', wan('858.51')], ['住房保障支出', wan('2,247.04')],
    ]);
  });

  it('takes the 三公 total from its 小计, not the 合计 that adds 会议费 and 培训费', () => {
    expect(f.threePublicTotal?.fen).toBe(wan('660.10'));
    expect(f.outboundTravel?.fen).toBe(wan('106.00'));
    expect(f.reception?.fen).toBe(wan('397.50'));
    expect(f.vehicleOperation?.fen).toBe(wan('156.60'));
    expect(f.vehiclePurchase?.fen).toBe(0);
  });

  it('reads 机关运行经费 and 政府采购 (货物 + 服务; no 工程 row is 0)', () => {
    expect(f.operatingExpenses?.fen).toBe(wan('1,130.74'));
    expect(f.procurementTotal?.fen).toBe(wan('1,624.42'));
    expect(f.procurementGoods?.fen).toBe(wan('350.00'));
    expect(f.procurementWorks?.fen).toBe(0);
    expect(f.procurementServices?.fen).toBe(wan('1,274.42'));
  });

  it('stores joined codes with their levels, 合计 rows, and the empty table with its note', () => {
    const fiscal = result.tables.find((t) => t.kind === 'fiscalExpenditure')!;
    const item = fiscal.rows.find((r) => r.code === '2010201')!;
    expect(item.level).toBe('item');
    expect(item.parentCode).toBe('20102');
    expect(item.cells.map((c) => c.text)).toEqual(['2010201', '行政运行', '5,223.22']);
    expect(item.cells[2]!.fen).toBe(wan('5,223.22'));
    expect(fiscal.rows[0]!.total).toBe(true);
    const fund = result.tables.find((t) => t.kind === 'governmentFund')!;
    expect(fund.note).toBe('注:本部门无该项目');
    expect(fund.rows.every((r) => r.cells.every((c) => c.fen === null))).toBe(true);
  });

  it('a table that does not add up gives no figure from it, and a finding', () => {
    const broken = read(withLine(text('js-zhengxie-biaoge-2019.txt'), 62, (l) => l.replace('6,522.75', '6,523.75')));
    expect(broken.findings.some((x) => x.code === 'table.not-adding-up' && x.line === 62)).toBe(true);
    // The 收支预算总表 still states the right figure; the broken 支出预算总表 contributes nothing.
    expect(broken.figures.figures.basicTotal?.line).toBe(9);
    expect(broken.figures.figures.basicTotal?.fen).toBe(wan('6,522.75'));
  });

  it('two tables stating one figure differently: no figure, and a finding', () => {
    const t = withLine(withLine(text('js-zhengxie-biaoge-2019.txt'), 62, (l) => l.replace('6,522.75', '6,523.75').replace('4,968.34', '4,967.34')), 1, (l) => l);
    const r = read(t);
    expect(r.figures.figures.basicTotal).toBeUndefined();
    expect(r.findings.some((x) => x.code === 'table.tables-disagree')).toBe(true);
  });
});

describe('Jiangsu single file (江苏省人民检察院 2019): wrapped cells, codes, the 三公 table', () => {
  const result = read(text('js-jianchayuan-2019-tables.txt'));
  const f = result.figures.figures;

  it('joins a label wrapped over three lines with its amount printed on the middle line of another column', () => {
    // 三、单位预留机动经 / (三、国防支出 … 3,990.40) / 费 — the amount is the 单位预留机动经费's, not the 国防支出's.
    expect(f.reserveTotal?.fen).toBe(wan('3,990.40'));
    expect(f.reserveTotal?.label).toBe('三、单位预留机动经费');
    expect(result.figures.byFunction?.map((x) => [x.label, x.figure.fen])).toEqual([
      ['公共安全支出', wan('16,593.12')], ['社会保障和就业支出', wan('1,890.27')], ['住房保障支出', wan('5,686.35')],
    ]);
  });

  it('reads a 三公 row with a blank cell under its merged header (购置费 blank)', () => {
    expect(f.threePublicTotal?.fen).toBe(wan('418.26'));
    expect(f.outboundTravel?.fen).toBe(wan('80'));
    expect(f.reception?.fen).toBe(wan('101.26'));
    expect(f.vehicleOperation?.fen).toBe(wan('237'));
    expect(f.vehiclePurchase?.fen).toBe(0);
  });

  it('joins a 科目名称 wrapped around its code row', () => {
    const basic = result.tables.find((t) => t.kind === 'basicExpenditure')!;
    const row = basic.rows.find((r) => r.code === '30108')!;
    expect(row.cells[1]!.text).toBe('机关事业单位基本养老保险缴费');
    expect(row.cells[2]!.fen).toBe(wan('1,064.46'));
  });

  it('an empty table with 此表为空 is empty, with its note', () => {
    const fund = result.tables.find((t) => t.kind === 'governmentFund')!;
    expect(fund.note).toContain('此表为空');
  });
});

describe('Shanghai district 部门预算 (普陀区人民政府办公室 2025, tables in 元 with 分, 三公 in 万元)', () => {
  const source = text('sh-putuo-zfbgs-2025.txt');
  const result = read(source);

  it('reads codes printed in separate columns (201 03 01) and amounts with 分', () => {
    const exp = result.tables.find((t) => t.kind === 'departmentExpenditure')!;
    expect(exp.unitOfMeasure).toBe('元');
    const row = exp.rows.find((r) => r.code === '2010301')!;
    expect(row.level).toBe('item');
    expect(row.cells.slice(1).map((c) => c.text)).toEqual(['行政运行', '12,029,501.84', '11,919,501.84', '110,000.00']);
    expect(row.cells[2]!.fen).toBe(1_202_950_184);
    // A row with its 基本支出 blank: the amount goes under 项目支出.
    const admin = exp.rows.find((r) => r.code === '2010302')!;
    expect(admin.cells.slice(2).map((c) => c.fen)).toEqual([4_614_000_000, null, 4_614_000_000]);
  });

  it('reads a table continued over a page break, its repeated header left out', () => {
    const gb = result.tables.find((t) => t.kind === 'generalBudgetExpenditure')!;
    expect(gb.rows.map((r) => r.code).filter(Boolean)).toContain('21011');
    expect(gb.rows.some((r) => r.cells.some((c) => c.text === '功能分类科目名称'))).toBe(false);
    const total = gb.rows.find((r) => r.total)!;
    expect(total.cells.slice(2).map((c) => c.fen)).toEqual([9_101_677_535, 2_460_677_535, 6_641_000_000]);
  });

  it('gives the key figures through the pipeline, text and tables agreeing', () => {
    const { record } = parseDocument(Buffer.from(source, 'utf8'), 'sh.txt');
    const k = record!.keyFigures;
    expect(k.generalBudget).toBe(91_016_775); // 91,016,775.35 元, to the 元
    expect(k.governmentFund).toBe(0);
    expect(k.basicExpenditure).toBe(24_606_775);
    expect(k.projectExpenditure).toBe(66_410_000);
    expect(k.expenditureByFunction).toEqual({ 一般公共服务支出: 82_096_797, 社会保障和就业支出: 4_213_779, 卫生健康支出: 1_097_073, 住房保障支出: 3_609_125 });
    expect(k.threePublic).toEqual({ total: 8_675_000, outboundTravel: 8_390_000, reception: 285_000, vehicleOperation: 0, vehiclePurchase: 0 });
    expect(k.operatingExpenses).toBe(2_132_800);
    expect(record!.provenance['keyFigures.generalBudget']).toBe(113);
    expect(record!.findings.filter((x) => x.code.startsWith('table.'))).toEqual([]);
    // Table rows are not narrative: none of them is left unrecognised.
    expect(record!.coverage.unrecognised.some((u) => u.line === 113)).toBe(false);
  });

  it('a text figure that contradicts the table is a finding naming both lines', () => {
    const changed = withLine(source, 375, (l) => l.replace('867.50万元', '877.50万元'));
    const { record } = parseDocument(Buffer.from(changed, 'utf8'), 'sh.txt');
    const f = record!.findings.find((x) => x.code === 'table.text-disagrees');
    expect(f?.line).toBe(375);
    expect(f?.message).toContain('第371行');
    expect(f?.disagreement).toEqual({
      figure: 'threePublic.total',
      statements: [
        { where: '正文', printed: '877.50万元', line: 375 },
        { where: expect.stringMatching(/^表「.*三公.*」「.*」$/), printed: '8,675,000.00元', line: 371 },
      ],
      published: 0,
    });
  });
});

describe('Jiangsu text + tables pair (江苏省政协办公厅 2019: 部门预算 text, then its 公开表), read as one text', () => {
  const source = `${text('js-zhengxie-wenjian-2019.txt')}\n${text('js-zhengxie-biaoge-2019.txt')}`;
  const { record } = parseDocument(Buffer.from(source, 'utf8'), 'pair.txt');
  const k = record!.keyFigures;
  it('fills from the tables what the text leaves out, the 三公 total from the 小计', () => {
    expect(k.threePublic.total).toBe(6_601_000);
    expect(k.incomeTotal).toBe(133_771_100);
    expect(k.basicExpenditure).toBe(65_227_500); // the department's 基本支出, as the text states it
  });
  it('does not compare the 一般公共预算 table’s classes with the total spending by class (other funds exist)', () => {
    expect(record!.findings.filter((f) => f.code === 'table.narrative-function')).toEqual([]);
    expect(record!.findings.filter((f) => f.code === 'table.text-disagrees')).toEqual([]);
  });
});

describe('never silently incomplete', () => {
  it('a document with many unrecognised lines gets a warning naming them', () => {
    const source = text('sh-putuo-zfbgs-2025.txt');
    const junk = Array.from({ length: 60 }, (_, k) => `甲乙丙丁戊己庚辛壬癸 ${k} 子丑寅卯`).join('\n');
    const { record } = parseDocument(Buffer.from(`${source}\n${junk}\n`, 'utf8'), 'sh.txt');
    const f = record!.findings.find((x) => x.code === 'coverage.unrecognised');
    expect(f?.severity).toBe('warning');
    expect(record!.coverage.unrecognised.map((u) => u.line)).toContain(f!.line);
    expect(f!.message).toContain(`有${record!.coverage.unrecognised.length}行未能识别`);
  });
});

describe('blank cells', () => {
  const table = (stray: string): string => [
    '                      收支预算总表',
    '部门：某单位                                              单位：万元',
    '     项目名称         金额        项目名称            金额',
    '一、财政拨款                      一、基本支出              60.00',
    ' 1.一般公共预算                   二、项目支出              40.00',
    ' 2.政府性基金预算',
    stray,
    '    收入合计         100.00         支出合计              100.00',
  ].join('\n');
  it('are 0 when every amount of the table found its row', () => {
    const f = read(table('')).figures.figures;
    expect(f.incomeTotal?.fen).toBe(wan('100.00'));
    expect(f.basicTotal?.fen).toBe(wan('60.00'));
    // 财政拨款 blank = 一般公共预算 blank + 政府性基金 blank: it adds up, and the table says 0.
    expect(f.generalBudget?.fen).toBe(0);
  });
  it('are unknown when an amount of the table could not be placed: it may be theirs', () => {
    const r = read(table('                                                           100.00'));
    expect(r.findings.some((x) => x.code === 'table.cells-unread' && x.line === 7)).toBe(true);
    expect(r.figures.figures.generalBudget).toBeUndefined();
    expect(r.figures.figures.governmentFund).toBeUndefined();
  });
});

describe('toYuan', () => {
  it('rounds 分 half up to the 元', () => {
    expect([toYuan(9_101_677_535), toYuan(150), toYuan(149), toYuan(-150)]).toEqual([91_016_775, 2, 1, -2]);
  });
});
