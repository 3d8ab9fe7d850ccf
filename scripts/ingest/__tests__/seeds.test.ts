/**
 * Acceptance tests of the ingest on the five real seeds (issue 2 "Done when"). Every expected value here
 * was read from the documents themselves (line numbers checked with `grep -n`), not from parser output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordSchema, type UnitYearRecord } from '../../../src/domain/schema/record.ts';
import type { KeyFigures } from '../../../src/domain/schema/key-figures.ts';
import { ingestFiles } from '../run/corpus.ts';
import {
  SEEDS, SEED_003_GLOSSARY_TERMS, type SeedId, linesContaining, parseText, printedWan, replaceOnce, seedRecord, seedText, tempDir,
  textLines, unaccountedLines,
} from './helpers.ts';

const ALL = Object.keys(SEEDS) as SeedId[];

/** The line of each statement in each seed (grep -n), with a phrase that line must contain. */
const STATEMENT_LINES: Record<SeedId, Record<Statement, number>> = {
  '000': { income: 44, expenditure: 46, explanation: 50, governmentFund: 52, threePublic: 55, operatingExpenses: 59, procurement: 61, performance: 63, assets: 65, contact: 83 },
  '001': { income: 40, expenditure: 42, explanation: 46, governmentFund: 48, threePublic: 51, operatingExpenses: 55, procurement: 57, performance: 59, assets: 61, contact: 76 },
  '002': { income: 30, expenditure: 31, explanation: 35, governmentFund: 37, threePublic: 40, operatingExpenses: 44, procurement: 46, performance: 48, assets: 50, contact: 64 },
  '003': { income: 116, expenditure: 118, explanation: 122, governmentFund: 124, threePublic: 128, operatingExpenses: 132, procurement: 134, performance: 136, assets: 138, contact: 167 },
  '004': { income: 22, expenditure: 24, explanation: 28, governmentFund: 30, threePublic: 34, operatingExpenses: 37, procurement: 39, performance: 41, assets: 43, contact: 56 },
};
type Statement = 'income' | 'expenditure' | 'explanation' | 'governmentFund' | 'threePublic' | 'operatingExpenses'
  | 'procurement' | 'performance' | 'assets' | 'contact';
const STATEMENT_PHRASE: Record<Statement, string> = {
  income: '收入预算：', expenditure: '支出预算：', explanation: '一般公共预算财政拨款收入', governmentFund: '政府性基金预算拨款安排的支出',
  threePublic: '“三公”经费预算', operatingExpenses: '运行经费', procurement: '政府采购预算总额', performance: '绩效目标管理',
  assets: '车辆', contact: '联系人',
};

/** Seeds whose every non-blank line is accounted for: all of them. */
const COVERAGE_SEEDS: SeedId[] = ['000', '001', '002', '003', '004'];

describe.each(ALL)('seed %s — invariants', (id) => {
  it('is a valid record (recordSchema)', () => {
    expect(() => recordSchema.parse(seedRecord(id))).not.toThrow();
  });

  it('keeps every line of the file, numbered as an editor numbers them', () => {
    const r = seedRecord(id);
    const lines = textLines(seedText(id));
    expect(r.coverage.lines).toBe(lines.length);
    expect(r.source.lines.length).toBe(lines.length);
    expect(r.source.encoding).toBe('utf-8');
    expect(r.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists unrecognised lines with their own text', () => {
    const r = seedRecord(id);
    const lines = textLines(seedText(id));
    for (const u of r.coverage.unrecognised) expect(lines[u.line - 1]!.trim()).toBe(u.text);
  });

  it('points every finding and provenance entry at a non-blank line of the file', () => {
    const r = seedRecord(id);
    const lines = textLines(seedText(id));
    const refs = [...r.findings.flatMap((f) => (f.line === null ? [] : [f.line])), ...Object.values(r.provenance)];
    for (const n of refs) expect(lines[n - 1]?.trim(), `line ${n}`).toBeTruthy();
  });

  it('has statement lines that say what the test expects (self-check of STATEMENT_LINES)', () => {
    const lines = textLines(seedText(id));
    for (const [what, n] of Object.entries(STATEMENT_LINES[id]) as [Statement, number][]) {
      expect(lines[n - 1], `${what} at line ${n}`).toContain(STATEMENT_PHRASE[what]);
    }
  });

  it('traces each key figure to the line of its statement', () => {
    const r = seedRecord(id);
    const at = STATEMENT_LINES[id];
    const p = r.provenance;
    expect(p['keyFigures.incomeTotal']).toBe(at.income);
    expect(p['keyFigures.generalBudget']).toBe(at.income);
    expect(p['keyFigures.governmentFund']).toBe(at.income);
    expect(p['keyFigures.expenditureTotal']).toBe(at.expenditure);
    for (const name of Object.keys(r.keyFigures.expenditureByFunction)) {
      expect(p[`keyFigures.expenditureByFunction.${name}`], name).toBe(at.expenditure);
    }
    expect(p['keyFigures.basicExpenditure']).toBe(at.explanation);
    expect(p['keyFigures.projectExpenditure']).toBe(at.explanation);
    expect(p['keyFigures.changeFromPreviousYear']).toBe(at.explanation);
    expect(p['keyFigures.threePublic.total']).toBe(at.threePublic);
    expect(p['keyFigures.operatingExpenses']).toBe(at.operatingExpenses);
    expect(p['keyFigures.procurement']).toBe(at.procurement);
    expect(p['keyFigures.vehicles']).toBe(at.assets);
    expect(p['keyFigures.contact']).toBe(at.contact);
  });

  it('gives each structured statement the line it was read from', () => {
    const r = seedRecord(id);
    const at = STATEMENT_LINES[id];
    expect(r.income.line).toBe(at.income);
    expect(r.expenditure.line).toBe(at.expenditure);
    expect(r.generalBudgetAppropriation.line).toBe(at.explanation);
    expect(r.governmentFund?.line).toBe(at.governmentFund);
    expect(r.threePublic.total.line).toBe(at.threePublic);
    expect(r.operatingExpenses?.line).toBe(at.operatingExpenses);
    expect(r.procurement?.line).toBe(at.procurement);
    expect(r.performance?.line).toBe(at.performance);
    expect(r.assets?.line).toBe(at.assets);
    expect(r.contact.line).toBe(at.contact);
  });

  it('prints each key figure on its provenance line (万元 as written)', () => {
    const r = seedRecord(id);
    const lines = textLines(seedText(id)).map((l) => l.replace(/\s+/g, ''));
    const kf = r.keyFigures;
    const amounts: [string, number | null][] = [
      ['incomeTotal', kf.incomeTotal], ['expenditureTotal', kf.expenditureTotal], ['generalBudget', kf.generalBudget],
      ['governmentFund', kf.governmentFund], ['basicExpenditure', kf.basicExpenditure],
      ['projectExpenditure', kf.projectExpenditure], ['changeFromPreviousYear', kf.changeFromPreviousYear],
      ['threePublic.total', kf.threePublic.total], ['operatingExpenses', kf.operatingExpenses],
      ['procurement', kf.procurement.total],
      ...Object.entries(kf.expenditureByFunction).map(([k, v]) => [`expenditureByFunction.${k}`, v] as [string, number]),
    ];
    for (const [key, value] of amounts) {
      if (value === null) continue;
      expect(lines[r.provenance[`keyFigures.${key}`]! - 1], key).toContain(`${printedWan(value)}万元`);
    }
    expect(lines[r.provenance['keyFigures.unit']! - 1]).toContain(kf.unit);
    expect(lines[r.provenance['keyFigures.year']! - 1]).toContain(`${kf.year}年`);
    expect(lines[r.provenance['keyFigures.contact']! - 1]).toContain(kf.contact.phone!);
  });

  it('has an ASCII id <district>/<unit>/<year>', () => {
    const r = seedRecord(id);
    expect(r.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+\/\d{4}$/);
    expect(r.id).toBe(`${r.slug.district}/${r.slug.unit}/${r.identity.year}`);
  });
});

describe.each(COVERAGE_SEEDS)('seed %s — coverage', (id) => {
  it('accounts for every non-blank line: used by a field, or listed as unrecognised', () => {
    expect(unaccountedLines(seedRecord(id), seedText(id))).toEqual([]);
  });
});

describe('slugs across seeds', () => {
  it('gives the same unit the same slug in different years, and different units different slugs', () => {
    const ids = ALL.map((id) => seedRecord(id).slug);
    expect(ids[0]).toEqual(ids[1]); // 000 and 001: 重庆市开州区政务信息中心, 2026 and 2024
    expect(new Set(ids.map((s) => `${s.district}/${s.unit}`)).size).toBe(4);
    expect(ids[2]!.district).toBe(ids[0]!.district); // both 开州区
    expect(ids[3]!.district).not.toBe(ids[0]!.district); // 渝中区
  });
});

/** The five “三公” amounts of a record, in keyFigures order. */
const threePublicAmounts = (r: UnitYearRecord) => ({
  total: r.threePublic.total.amount, outboundTravel: r.threePublic.outboundTravel.amount,
  reception: r.threePublic.reception.amount, vehicleOperation: r.threePublic.vehicleOperation.amount,
  vehiclePurchase: r.threePublic.vehiclePurchase.amount,
});
/** Income sources as [key, label as written, 元]. */
const sources = (r: UnitYearRecord) => r.income.sources.map((s) => [s.key, s.label, s.amount]);
const STANDARD_SOURCES = (generalBudget: number) => [
  ['generalBudget', '一般公共预算拨款', generalBudget], ['governmentFund', '政府性基金预算拨款', 0],
  ['stateCapitalBudget', '国有资本经营预算收入', 0], ['institutionIncome', '事业收入', 0],
  ['institutionBusinessIncome', '事业单位经营收入', 0], ['otherIncome', '其他收入', 0],
];
const change = (amount: number | null, comparedYear: number | null, reason: string | null, line: number) => ({ amount, comparedYear, reason, line });
const FIVE_TERMS = ['财政拨款收入', '其他收入', '基本支出', '项目支出', '“三公”经费'];

describe('seed 000 — 重庆市开州区政务信息中心 2026 (the issue’s example)', () => {
  const r = () => seedRecord('000');

  it('has exactly the key figures given in issue 2', () => {
    const expected: KeyFigures = {
      unit: '重庆市开州区政务信息中心', year: 2026,
      incomeTotal: 14839600, expenditureTotal: 14839600, generalBudget: 14839600, governmentFund: 0,
      basicExpenditure: 7332600, projectExpenditure: 7507000, changeFromPreviousYear: 1320200,
      expenditureByFunction: { 一般公共服务支出: 13018800, 教育支出: 0, 社会保障和就业支出: 1092900, 卫生健康支出: 368500, 住房保障支出: 359400 },
      threePublic: { total: 16000, outboundTravel: 0, reception: 16000, vehicleOperation: 0, vehiclePurchase: 0 },
      operatingExpenses: null,
      procurement: { total: 50000, goods: 50000, works: 0, services: 0 },
      vehicles: 0,
      glossaryTerms: FIVE_TERMS,
      contact: { name: '江冲', phone: '023-52255608' },
    };
    expect(r().keyFigures).toEqual(expected);
    expect(Object.keys(r().keyFigures.expenditureByFunction)).toEqual(['一般公共服务支出', '教育支出', '社会保障和就业支出', '卫生健康支出', '住房保障支出']);
  });

  it('reads the identity from the header, the preamble and the signature', () => {
    expect(r().identity).toEqual({
      unit: '重庆市开州区政务信息中心', city: '重庆市', district: '开州区', parentDepartment: '重庆市开州区人民政府办公室',
      budgetKind: 'departmentBudget', year: 2026, documentNumber: '开州政信发〔2026〕3号', signer: '黄岗', noticeKind: '公示',
      title: '关于2026年部门预算情况公开的公示',
      approvalDocument: { title: '关于批复2026年部门预算的通知', number: '开州财行发〔2026〕18号' },
      publicationDate: '2026-03-11',
    });
    expect(r().provenance['identity.documentNumber']).toBe(3);
    expect(r().provenance['identity.publicationDate']).toBe(87);
  });

  it('reads the income sources and the change of income with its reason', () => {
    expect(sources(r())).toEqual(STANDARD_SOURCES(14839600));
    expect(r().income.total).toBe(14839600);
    expect(r().income.change).toEqual(change(1320200, 2025, '一般公共预算拨款增加132.02万元', 44));
  });

  it('reads the function classes and the change of 基本/项目 in the 支出预算 paragraph', () => {
    const e = r().expenditure;
    expect(e.byFunction.map((f) => [f.label, f.amount, f.line])).toEqual([
      ['一般公共服务支出', 13018800, 46], ['教育支出', 0, 46], ['社会保障和就业支出', 1092900, 46], ['卫生健康支出', 368500, 46], ['住房保障支出', 359400, 46],
    ]);
    expect(e.change).toEqual(change(1320200, 2025, '基本支出预算增加97.02万元，项目支出预算增加35万元', 46));
    expect(e.basicChange?.amount).toBe(970200);
    expect(e.projectChange?.amount).toBe(350000);
  });

  it('reads 基本支出 and 项目支出 with change, reason and purpose', () => {
    expect(r().generalBudgetAppropriation).toEqual({
      income: 14839600, expenditure: 14839600, change: change(1320200, 2025, null, 50),
      basic: {
        amount: 7332600, change: change(970200, 2025, '人员净增和职级晋升相应增加的工资福利支出等', 50),
        purpose: '保障在职人员工资福利和商品服务支出等', line: 50,
      },
      project: {
        amount: 7507000, change: change(350000, 2025, '增加政务服务大厅综窗人员和电子政务办公平台等保测评服务等', 50),
        purpose: '政务服务等重点工作', line: 50,
      },
      basicBreakdown: null, // the document gives no 人员经费/公用经费 split
      line: 50,
    });
  });

  it('reads the 政府性基金 statement (0, 无增加, no such spending)', () => {
    const g = r().governmentFund!;
    expect([g.income, g.expenditure, g.none, g.change?.amount, g.change?.comparedYear]).toEqual([0, 0, true, 0, 2025]);
  });

  it('reads each “三公” item with its change and reason', () => {
    const t = r().threePublic;
    expect(threePublicAmounts(r())).toEqual({ total: 16000, outboundTravel: 0, reception: 16000, vehicleOperation: 0, vehiclePurchase: 0 });
    expect(t.total.change).toEqual(change(-1000, 2025, null, 55));
    expect(t.outboundTravel.change).toEqual(change(0, 2025, null, 55));
    expect(t.reception.change).toEqual(change(-1000, 2025, '进一步压缩“三公”支出，确保办公运行正常支出', 55));
    expect(t.vehicleOperation.change).toEqual(change(0, 2025, null, 55));
    expect(t.vehiclePurchase.change).toEqual(change(0, 2025, null, 55));
    expect(Object.values(t).every((i) => !i.inferred)).toBe(true);
  });

  it('reads 机关运行经费 as not in scope, procurement with its 一般公共预算 part, and 无车辆', () => {
    expect(r().operatingExpenses).toMatchObject({ amount: null, notInScope: true, line: 59 });
    expect(r().procurement).toMatchObject({ total: 50000, goods: 50000, works: 0, services: 0, generalBudget: { total: 50000, goods: 50000, works: 0, services: 0 } });
    expect(r().performance?.coverageAmount).toBe(7507000);
    expect(r().assets).toMatchObject({ referenceDate: '2025-12', vehicles: { total: 0, byType: [] }, plannedPurchases: null });
  });

  it('reads the 9 internal divisions and the 12 duties', () => {
    expect(r().structure.internalDivisions).toEqual(['综合科', '值班值守科', '公开电话（信箱）科', '信息公开科', '电子政务科', '政务服务科', '运行保障科', '政务媒体科', '政工财务科']);
    expect(r().structure.subordinateUnits).toEqual([]);
    expect(r().duties).toHaveLength(1);
    const d = r().duties[0]!;
    expect([d.unit, d.intro]).toEqual([null, '重庆市开州区政务信息中心主要职责：']);
    expect(d.items.map((i) => i.line)).toEqual([15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37]);
    expect(d.items[0]!.text).toBe('负责完成市委值班室、市政府总值班室交办的各项工作。');
    expect(d.items[11]!.text).toBe('完成上级交办的其他工作。');
  });

  it('reads the glossary with its lines', () => {
    expect(r().glossary.map((g) => [g.term, g.line])).toEqual(FIVE_TERMS.map((t, i) => [t, 69 + 2 * i]));
    expect(r().glossary[1]!.definition).toBe('指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。');
  });

  it('implies the 2025 figures from the stated changes, and finds nothing wrong', () => {
    expect(r().impliedPreviousYear).toEqual({
      year: 2025, incomeTotal: 13519400, expenditureTotal: 13519400, generalBudget: 13519400,
      basicExpenditure: 6362400, projectExpenditure: 7157000, threePublic: 17000,
    });
    expect(r().findings).toEqual([]);
    expect(r().tables).toEqual([]);
    expect(r().performanceTargets).toEqual([]);
  });
});

describe('seed 001 — 重庆市开州区政务信息中心 2024', () => {
  const r = () => seedRecord('001');

  it('has the key figures of the document', () => {
    expect(r().keyFigures).toEqual({
      unit: '重庆市开州区政务信息中心', year: 2024,
      incomeTotal: 5922900, expenditureTotal: 5922900, generalBudget: 5922900, governmentFund: 0,
      basicExpenditure: 5582900, projectExpenditure: 340000, changeFromPreviousYear: 145000,
      expenditureByFunction: { 一般公共服务支出: 4769400, 教育支出: 0, 社会保障和就业支出: 589200, 卫生健康支出: 281200, 住房保障支出: 283100 },
      threePublic: { total: 18000, outboundTravel: 0, reception: 18000, vehicleOperation: 0, vehiclePurchase: 0 },
      operatingExpenses: null,
      procurement: { total: 0, goods: 0, works: 0, services: 0 },
      vehicles: 0,
      glossaryTerms: FIVE_TERMS,
      contact: { name: '江冲', phone: '023-52255608' },
    } satisfies KeyFigures);
  });

  it('reads the identity (公告, no signature date)', () => {
    expect(r().identity).toEqual({
      unit: '重庆市开州区政务信息中心', city: '重庆市', district: '开州区', parentDepartment: '重庆市开州区人民政府办公室',
      budgetKind: 'departmentBudget', year: 2024, documentNumber: '开州政信发〔2024〕1号', signer: '黄岗', noticeKind: '公告',
      title: '关于2024年部门预算情况公开的公告',
      approvalDocument: { title: '关于批复2024年部门预算的通知', number: '开州财行发〔2024〕21号' },
      publicationDate: null,
    });
  });

  it('reads 其他收入0万元0 as 0 and reports the stray characters on line 40', () => {
    expect(sources(r())).toEqual(STANDARD_SOURCES(5922900));
    expect(linesContaining(seedText('001'), '其他收入0万元0')).toEqual([40]);
    expect(r().findings.map((f) => [f.severity, f.code, f.line])).toEqual([['warning', 'figure.stray-characters', 40]]);
  });

  it('reads 项目支出 with a zero change, no reason and its purpose', () => {
    const g = r().generalBudgetAppropriation;
    expect(g.change).toEqual(change(145000, 2023, null, 46));
    expect(g.basic).toEqual({ amount: 5582900, change: change(145000, 2023, '调标相应增加的工资福利支出等', 46), purpose: '保障在职人员工资福利及社会保险缴费等', line: 46 });
    expect(g.project).toEqual({ amount: 340000, change: change(0, 2023, null, 46), purpose: '值班调度与网站维护等工作', line: 46 });
  });

  it('reads “三公”, procurement (all 0), assets and the 8 divisions', () => {
    expect(r().threePublic.reception.change).toEqual(change(-1000, 2023, '进一步压缩“三公”支出，确保办公运行正常支出', 51));
    expect(r().procurement).toMatchObject({ total: 0, goods: 0, works: 0, services: 0, generalBudget: { total: 0, goods: 0, works: 0, services: 0 } });
    expect(r().assets).toMatchObject({ referenceDate: '2023-12', vehicles: { total: 0 } });
    expect(r().structure.internalDivisions).toEqual(['综合科', '值班值守科', '公开电话（信箱）科', '信息公开科', '电子政务科', '政务服务科', '政务媒体科', '政工财务科']);
    expect(r().duties[0]!.items).toHaveLength(10);
  });
});

describe('seed 002 — 重庆市开州区数字化城市运行和治理中心 2026', () => {
  const r = () => seedRecord('002');

  it('has the key figures of the document', () => {
    expect(r().keyFigures).toEqual({
      unit: '重庆市开州区数字化城市运行和治理中心', year: 2026,
      incomeTotal: 6093500, expenditureTotal: 6093500, generalBudget: 6093500, governmentFund: 0,
      basicExpenditure: 2731900, projectExpenditure: 3361600, changeFromPreviousYear: 819900,
      expenditureByFunction: { 一般公共服务支出: 5445400, 社会保障和就业支出: 384100, 卫生健康支出: 134000, 住房保障支出: 130000 },
      threePublic: { total: 10000, outboundTravel: 0, reception: 10000, vehicleOperation: 0, vehiclePurchase: 0 },
      operatingExpenses: null,
      procurement: { total: 16000, goods: 16000, works: 0, services: 0 },
      vehicles: 0,
      glossaryTerms: ['财政拨款收入', '基本支出', '项目支出', '“三公”经费'],
      contact: { name: '熊馨', phone: '023-85936035' },
    } satisfies KeyFigures);
  });

  it('reads the identity (公示 without 文号, 签发人 or date)', () => {
    expect(r().identity).toMatchObject({
      unit: '重庆市开州区数字化城市运行和治理中心', city: '重庆市', district: '开州区', budgetKind: 'departmentBudget', year: 2026,
      documentNumber: null, signer: null, noticeKind: '公示', title: '关于2026年部门预算情况公开的公示',
      approvalDocument: { title: '关于批复区府办2026年区级部门预算的通知', number: '开州财行发〔2026〕18号' },
      publicationDate: null,
    });
  });

  it('reads income sources with labels as written and their 上年结转', () => {
    const s = r().income.sources;
    expect(s.map((x) => [x.key, x.label, x.amount, x.carriedForward ?? null])).toEqual([
      ['generalBudget', '一般公共预算拨款收入', 6093500, 0], ['governmentFund', '政府性基金预算拨款收入', 0, 0],
      ['stateCapitalBudget', '国有资本经营预算收入', 0, 0], ['institutionIncome', '事业收入', 0, null],
      ['institutionBusinessIncome', '事业单位经营收入', 0, null], ['otherIncome', '其他收入', 0, null],
    ]);
    expect(r().income.carriedForward).toBe(0);
    expect(r().income.change).toEqual(change(819900, 2025, '基本支出经费拨款增加65.99万元，项目支出经费拨款增加16万元', 30));
  });

  it('reads 基本/项目 with change, reason and purpose', () => {
    const g = r().generalBudgetAppropriation;
    expect(g.basic).toEqual({
      amount: 2731900, change: change(659900, 2025, '新招录人员等', 35),
      purpose: '保障在职人员工资福利及社会保险缴费，保障部门正常运转的各项商品服务支出', line: 35,
    });
    expect(g.project).toEqual({ amount: 3361600, change: change(160000, 2025, '增加了治理中心专项经费', 35), purpose: '治理中心应急调度等重点工作', line: 35 });
  });

  it('reads “三公” 与2025年保持一致 as a zero change, with no change stated per item', () => {
    const t = r().threePublic;
    expect(t.total.change).toEqual(change(0, 2025, null, 40));
    expect([t.outboundTravel, t.reception, t.vehicleOperation, t.vehiclePurchase].map((i) => i.change)).toEqual([null, null, null, null]);
  });

  it('reads 政府性基金 as none, procurement, vehicles and planned purchases (0), and the 6 divisions', () => {
    expect(r().governmentFund).toMatchObject({ none: true, line: 37 });
    expect(r().procurement).toMatchObject({ total: 16000, goods: 16000, works: 0, services: 0, generalBudget: { total: 16000, goods: 16000, works: 0, services: 0 } });
    expect(r().assets).toMatchObject({ referenceDate: '2025-12', vehicles: { total: 0 }, plannedPurchases: { total: 0 } });
    expect(r().structure.internalDivisions).toEqual(['综合管理科', '数据治理科', '应用贯通科', '运行调度科', '基层指导科', '技术保障科']);
    expect(r().duties[0]!.items.map((i) => i.line)).toEqual([12, 14, 15, 17, 19, 21, 23]);
    expect(r().findings).toEqual([]);
  });

  it('admits rounding (因四舍五入): a small gap in its sums is info, where seed 000 gets a warning', () => {
    expect(linesContaining(seedText('002'), '因四舍五入')).toEqual([30]);
    const admitted = parseText(replaceOnce(seedText('002'), '其他收入0万元。', '其他收入0.01万元。'));
    const silent = parseText(replaceOnce(seedText('000'), '其他收入0万元。', '其他收入0.01万元。'));
    const incomeSum = (x: UnitYearRecord) => x.findings.filter((f) => f.code.startsWith('income.sources-sum')).map((f) => [f.severity, f.line]);
    expect(incomeSum(admitted)).toEqual([['info', 30]]);
    expect(incomeSum(silent)).toEqual([['warning', 44]]);
  });
});

describe('seed 003 — 重庆市渝中区人民政府办公室 2026 (a department with subordinate units)', () => {
  const r = () => seedRecord('003');
  const GLOSSARY_19 = [...SEED_003_GLOSSARY_TERMS];

  it('has the key figures of the document', () => {
    expect(r().keyFigures).toEqual({
      unit: '重庆市渝中区人民政府办公室', year: 2026,
      incomeTotal: 114916100, expenditureTotal: 114916100, generalBudget: 114916100, governmentFund: 0,
      basicExpenditure: 26215800, projectExpenditure: 88700300, changeFromPreviousYear: 3997700,
      expenditureByFunction: { 一般公共服务支出: 107848900, 社会保障和就业支出: 4455000, 卫生健康支出: 1162600, 住房保障支出: 1449600 },
      threePublic: { total: 3673500, outboundTravel: 0, reception: 275500, vehicleOperation: 878000, vehiclePurchase: 2520000 },
      operatingExpenses: 2534800,
      procurement: { total: 19693300, goods: 231000, works: 0, services: 19462300 },
      vehicles: 10,
      glossaryTerms: GLOSSARY_19,
      contact: { name: '陈庆', phone: '023-63259683' },
    } satisfies KeyFigures);
  });

  it('reads the identity (部门预算, no notice header)', () => {
    expect(r().identity).toMatchObject({
      unit: '重庆市渝中区人民政府办公室', city: '重庆市', district: '渝中区', budgetKind: 'departmentBudget', year: 2026,
      documentNumber: null, signer: null, noticeKind: null, title: '2026年部门预算情况说明', approvalDocument: null, publicationDate: null,
    });
  });

  it('reads 较去年 as a change against the previous year without a written year', () => {
    expect(sources(r())).toEqual(STANDARD_SOURCES(114916100));
    expect(r().income.change).toEqual(change(3997700, null, '新增在职人员，增加相关人员经费，新增AI+重点区域大客流智慧导控综合场景专项等经费拨款增加399.77万元', 116));
    expect(r().expenditure.change).toEqual(change(3997700, null, '基本支出增加584.81万元，项目支出减少185.04万元', 118));
    expect([r().expenditure.basicChange?.amount, r().expenditure.projectChange?.amount]).toEqual([5848100, -1850400]);
  });

  it('reads 基本/项目 with change, reason and purpose', () => {
    const g = r().generalBudgetAppropriation;
    expect(g.change).toEqual(change(3997700, 2025, null, 122));
    expect(g.basic).toEqual({
      amount: 26215800, change: change(5848100, 2025, '新进在职人员相关经费，按财政要求，2026年聘用人员经费在人员经费中列支等', 122),
      purpose: '保障在职人员、聘用人员工资福利及社会保险缴费、离休人员离休费、退休人员补助等，保障部门正常运转的各项商品服务支出', line: 122,
    });
    expect(g.project.amount).toBe(88700300);
    expect(g.project.change).toEqual(change(-1850400, 2025, '按财政要求，2026年聘用人员经费不在项目中列支', 122));
    expect(g.project.purpose).toMatch(/^接待、考察、会议活动及综合保障项目；政务公开项目；.*；民兵编制工作经费（区武装部）等重点工作$/);
  });

  it('reads each “三公” item with its change and reason (持平, 减少, 增加)', () => {
    const t = r().threePublic;
    expect(t.total.change).toEqual(change(409000, 2025, null, 128));
    expect(t.outboundTravel.change).toEqual(change(0, 2025, null, 128));
    expect(t.reception.change).toEqual(change(-13000, 2025, '厉行节约，严格压减“三公”经费支出', 128));
    expect(t.vehicleOperation.change).toEqual(change(82000, 2025, '因工作需要，新增公务用车4辆', 128));
    expect(t.vehiclePurchase.change).toEqual(change(340000, 2025, '全区公车购置需求增加', 128));
  });

  it('reads 机关运行经费 with its change (比上年), reason and purpose', () => {
    expect(r().operatingExpenses).toMatchObject({
      amount: 2534800, notInScope: false, change: change(-197500, null, '在职人员调出，相关经费减少', 132),
      purpose: '办公费、印刷费、邮电费、水电费、物管费、差旅费、会议费、培训费及其他商品和服务支出等',
    });
    expect(r().governmentFund).toMatchObject({ none: true, change: { amount: 0, comparedYear: 2025 } });
  });

  it('reads procurement with its 一般公共预算 part, and vehicles by type with planned purchases', () => {
    expect(r().procurement).toMatchObject({
      total: 19693300, goods: 231000, works: 0, services: 19462300,
      generalBudget: { total: 19693300, goods: 231000, works: 0, services: 19462300 },
    });
    expect(r().assets).toMatchObject({
      referenceDate: '2025-12',
      vehicles: { total: 10, byType: [{ type: '一般公务用车', count: 10 }, { type: '执勤执法用车', count: 0 }] },
      plannedPurchases: { total: 14, byType: [{ type: '一般公务用车', count: 14 }, { type: '执勤执法用车', count: 0 }] },
    });
  });

  it('reads the four subordinate units with 机构规格, 经费渠道, 编制, 实有 and 聘用', () => {
    expect(r().structure.subordinateUnits.map((u) => [u.name, u.kind, u.rank, u.fundingChannel, u.authorisedStaff, u.actualStaff, u.contractStaff, u.line])).toEqual([
      ['重庆市渝中区政府办公室（本级）', '行政单位', '正处（县）级', '财政全额拨款', 43, 47, 14, 106],
      ['重庆市渝中区机关事务服务中心', '公益一类事业单位', '正科级', '财政全额拨款', 5, 3, 21, 108],
      ['重庆市渝中区政务服务中心', '公益一类事业单位', '正科级', '财政全额拨款', 7, 6, 9, 110],
      ['重庆市渝中区数字化城市运行和治理中心', '公益一类事业单位', '副处（县）级', '财政全额拨款', 30, 23, 9, 112],
    ]);
  });

  it('groups the duties per subordinate unit (4 groups)', () => {
    expect(r().duties.map((d) => [d.unit, d.items.length, d.items[0]!.line, d.items.at(-1)!.line])).toEqual([
      ['重庆市渝中区人民政府办公室（本级）', 17, 10, 42],
      ['重庆市渝中区机关事务服务中心', 6, 46, 56],
      ['重庆市渝中区政务服务中心', 10, 60, 78],
      ['重庆市渝中区数字化城市运行和治理中心', 11, 82, 102],
    ]);
    expect(r().duties[1]!.items[0]!.text).toBe('负责区级机关部分集中办公区的机关食堂、物业管理、安全保卫等后勤服务工作。');
  });

  it('reads the 19 glossary terms with their lines, and finds nothing wrong', () => {
    expect(r().glossary.map((g) => g.term)).toEqual(GLOSSARY_19);
    expect(r().glossary.map((g) => g.line)).toEqual([140, 142, 144, 146, 148, 150, 151, 152, 154, 155, 157, 158, 160, 161, 162, 163, 164, 165, 166]);
    expect(r().glossary[18]!.definition).toBe('反映按房改政策规定，行政事业单位向符合条件职工（含离退休人员）、军队（含武警）向转役复员离退休人员发放的用于购买住房的补贴。');
    expect(r().findings).toEqual([]);
  });
});

describe('seed 004 — 重庆市九龙坡区电子政务中心 2026 (单位预算 with 13 attached tables)', () => {
  const r = () => seedRecord('004');
  const TITLES = [
    '2026年九龙坡区电子政务中心财政拨款收支总表',
    '2026年九龙坡区电子政务中心一般公共预算财政拨款支出预算表',
    '2026年九龙坡区电子政务中心一般公共预算财政拨款基本支出预算表',
    '2026年九龙坡区电子政务中心一般公共预算财政拨款基本支出预算表（政府预算支出经济分类科目）',
    '2026年九龙坡区电子政务中心一般公共预算“三公”经费支出表',
    '2026年九龙坡区电子政务中心政府性基金预算支出表',
    '2026年九龙坡区电子政务中心部门收支总表',
    '2026年九龙坡区电子政务中心部门收入总表',
    '2026年九龙坡区电子政务中心部门支出总表（功能科目分类到项）',
    '2026年九龙坡区电子政务中心一般公共预算财政拨款项目支出预算表（部门预算支出经济分类科目）',
    '2026年九龙坡区电子政务中心一般公共预算财政拨款项目支出预算表（政府预算支出经济分类科目）',
    '2026年九龙坡区电子政务中心政府采购明细表',
    '2026年九龙坡区电子政务中心项目绩效目标表',
  ];

  it('has the key figures of the document', () => {
    expect(r().keyFigures).toEqual({
      unit: '重庆市九龙坡区电子政务中心', year: 2026,
      incomeTotal: 10517400, expenditureTotal: 10517400, generalBudget: 10517400, governmentFund: 0,
      basicExpenditure: 1648100, projectExpenditure: 8869300, changeFromPreviousYear: -780600,
      expenditureByFunction: { 一般公共服务支出: 10027100, 教育支出: 0, 社会保障和就业支出: 301500, 卫生健康支出: 63200, 住房保障支出: 125600 },
      threePublic: { total: 0, outboundTravel: 0, reception: 0, vehicleOperation: 0, vehiclePurchase: 0 },
      operatingExpenses: null,
      procurement: { total: 1900, goods: 1900, works: 0, services: 0 },
      vehicles: 0,
      glossaryTerms: FIVE_TERMS,
      contact: { name: '何发婷', phone: '023-68780926' },
    } satisfies KeyFigures);
  });

  it('reads the identity (单位预算)', () => {
    expect(r().identity).toMatchObject({
      unit: '重庆市九龙坡区电子政务中心', city: '重庆市', district: '九龙坡区', budgetKind: 'unitBudget', year: 2026,
      documentNumber: null, signer: null, noticeKind: null, title: '2026年单位预算情况说明', approvalDocument: null, publicationDate: null,
    });
  });

  it('reports 较2026年 in a 2026 budget as an impossible year, and the income/expenditure change contradiction', () => {
    expect(linesContaining(seedText('004'), '较2026年增加1051.74万元')).toEqual([24]);
    expect(r().expenditure.change).toEqual(change(10517400, 2026, '基本支出预算增加20.21万元，项目支出预算减少98.27万元', 24));
    expect(r().income.change).toEqual(change(-780600, 2025, '基本支出经费拨款增加20.21万元，项目支出经费拨款减少98.27万元', 22));
    // The previous year's expenditure cannot be implied from an impossible comparison; the others can.
    expect(r().impliedPreviousYear).toEqual({
      year: 2025, incomeTotal: 11298000, expenditureTotal: null, generalBudget: 11298000,
      basicExpenditure: 1446000, projectExpenditure: 9852000, threePublic: 0,
    });
  });

  it('has exactly the findings the document calls for', () => {
    // Table 3 (部门预算支出经济分类): 301's items add up to 145.18 (printed 145.17, line 330) and 137.76 in
    // 人员经费 (printed 137.75, line 331); 302's add up to 19.63 (printed 19.64, lines 402 and 404).
    expect(r().findings.map((f) => [f.severity, f.code, f.line])).toEqual([
      ['error', 'change.impossible-year', 24],
      ['warning', 'change.income-expenditure-mismatch', 24],
      ['info', 'table.rounding', 330],
      ['info', 'table.rounding', 331],
      ['info', 'table.rounding', 402],
      ['info', 'table.rounding', 404],
    ]);
  });

  it('states changes in words, as the document does: 减少78.06万元, never 增减-78.06万元', () => {
    const m = r().findings.find((f) => f.code === 'change.income-expenditure-mismatch')!.message;
    expect(m).toBe('收入比上年减少78.06万元，支出比上年增加1,051.74万元，收支平衡时两者应相同');
  });

  it('reads 基本/项目 with change, reason and purpose', () => {
    const g = r().generalBudgetAppropriation;
    expect(g.change).toEqual(change(-780600, 2025, null, 28));
    expect(g.basic).toEqual({
      amount: 1648100, change: change(202100, 2025, '人员职级及社保基数调整', 28),
      purpose: '保障在职人员工资福利及社会保险缴费，离休人员离休费，退休人员补助等，保障单位正常运转的各项商品服务支出', line: 28,
    });
    expect(g.project).toEqual({
      amount: 8869300, change: change(-982700, 2025, '厉行节约减少经费开支', 28),
      purpose: '保障电子政务平台建设、维修维护、政务新媒体管理、政务公开等重点工作经费', line: 28,
    });
  });

  it('reads “三公” (all 0, 减少0万元), procurement, vehicles by type and the 3 divisions', () => {
    const t = r().threePublic;
    for (const item of Object.values(t)) expect(item.change).toEqual(change(0, 2025, null, 34));
    expect(r().governmentFund).toMatchObject({ none: true, change: null, line: 30 });
    expect(r().procurement).toMatchObject({ total: 1900, goods: 1900, works: 0, services: 0, generalBudget: { total: 1900, goods: 1900, works: 0, services: 0 } });
    expect(r().assets).toMatchObject({
      referenceDate: '2025-12',
      vehicles: { total: 0, byType: [{ type: '一般公务用车', count: 0 }, { type: '执勤执法用车', count: 0 }] },
      plannedPurchases: { total: 0, byType: [{ type: '一般公务用车', count: 0 }, { type: '执勤执法用车', count: 0 }] },
    });
    expect(r().structure.internalDivisions).toEqual(['综合管理科', '技术保障科', '政府网站科']);
    expect(r().duties).toEqual([{ unit: null, intro: null, items: [expect.objectContaining({ line: 9 })] }]);
  });

  it('finds the 13 attached tables named in its 附表 list, in order, each in 万元', () => {
    const tables = r().tables;
    expect(tables.map((t) => t.title)).toEqual(TITLES.map((t, i) => (i === 2 ? `${t}（部门预算支出经济分类科目）` : t.replace('（功能科目分类到项）', ''))));
    // The 附表 list (lines 57–80) names the same 13 tables.
    const list = textLines(seedText('004')).slice(56, 80).filter((l) => l.trim()).map((l) => l.replace(/^(?:附表：)?\d+\./, ''));
    expect(list).toEqual(TITLES);
    expect(tables.map((t) => t.unitOfMeasure)).toEqual(Array(13).fill('万元'));
    expect(tables.map((t) => t.startLine)).toEqual([81, 193, 307, 453, 480, 499, 518, 578, 827, 938, 981, 1004, 1170]);
    for (let i = 1; i < tables.length; i++) expect(tables[i - 1]!.endLine).toBeLessThan(tables[i]!.startLine);
  });

  it('reads table amounts exactly in 分 and the 类/款/项 hierarchy', () => {
    const [summary, generalBudget] = r().tables;
    expect(summary!.rows[0]!.cells.slice(0, 2).map((c) => [c.text, c.fen, c.line])).toEqual([['一、本年收入', null, 100], ['1,051.74', 1051740000, 101]]);
    const classRows = generalBudget!.rows.filter((row) => row.level === 'class');
    // The 类 rows of the table carry the narrative's function classes (教育支出 0 has no row).
    const narrative = r().keyFigures.expenditureByFunction;
    expect(classRows.map((row) => [row.code, row.cells[1]!.text, row.cells[2]!.fen])).toEqual([
      ['201', '一般公共服务支出', narrative['一般公共服务支出']! * 100], ['208', '社会保障和就业支出', narrative['社会保障和就业支出']! * 100],
      ['210', '卫生健康支出', narrative['卫生健康支出']! * 100], ['221', '住房保障支出', narrative['住房保障支出']! * 100],
    ]);
    expect(classRows[0]!.cells[2]!.fen).toBe(1_002_710_000); // 1,002.71 万元
    const item = generalBudget!.rows.find((row) => row.code === '2010350')!;
    expect([item.level, item.parentCode, item.cells[1]!.text]).toEqual(['item', '20103', '事业运行']);
    expect(generalBudget!.rows.find((row) => row.total)!.cells.filter((c) => c.fen !== null).map((c) => c.fen)).toEqual([1_051_740_000, 164_810_000, 886_930_000]);
  });

  it('reads the project performance-target form (项目绩效目标表)', () => {
    expect(r().performanceTargets).toHaveLength(1);
    const p = r().performanceTargets[0]!;
    expect([p.project, p.totalYuan]).toEqual(['电子政务保障经费', 1086000]);
    expect(p.objective).toMatch(/^强化机房设备定期巡检.*及时完成区政府或上级部门要求完成的其他事项。$/);
    expect(p.fields).toEqual(expect.arrayContaining([
      expect.objectContaining({ label: '主管部门', value: '102-重庆市九龙坡区人民政府办公室' }),
      expect.objectContaining({ label: '项目经办人', value: '张骥' }),
    ]));
    expect(p.indicators.map((i) => [i.level1, i.level2, i.level3, i.nature, i.value, i.unit, i.weight])).toEqual([
      ['产出指标', '数量指标', '保障31台服务器和12个电子政务系统的正常运行', '＝', '31', '个', 20],
      ['产出指标', '质量指标', '确保机房、网络正常运转及设备可用', '＝', '100', '%', 20],
      ['产出指标', '时效指标', '全年内及时完成电费、物管费、公摊费用支付及设备维护、更换', '＝', '100', '%', 20],
      ['效益指标', '社会效益', '保障机房、网络正常运转', '＝', '100', '%', 10],
      ['效益指标', '可持续影响', '保障机房、网络正常运转为全区电子政务系统提供支撑', '＝', '100', '%', 10],
      ['满意度指标', '服务对象满意度指标', '电子政务网络使用者满意度', '＝', '80', '%', 10],
    ]);
  });
});

describe('checks: parts against totals (seed 000 with one figure changed)', () => {
  /** Errors of seed 000 after one replacement, as [code, line]. */
  const errorsAfter = (from: string, to: string) =>
    parseText(replaceOnce(seedText('000'), from, to)).findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.line]);

  it('income source changed → income.sources-sum on the 收入预算 line', () => {
    expect(errorsAfter('其他收入0万元。', '其他收入5万元。')).toEqual([['income.sources-sum', 44]]);
  });

  it('one “三公” item changed → threePublic.items-sum on the “三公” line', () => {
    expect(errorsAfter('公务接待费1.6万元', '公务接待费1.9万元')).toEqual([['threePublic.items-sum', 55]]);
  });

  it('procurement goods changed → procurement.parts-sum on the 政府采购 line', () => {
    expect(errorsAfter('预算总额5万元：政府采购货物预算5万元', '预算总额5万元：政府采购货物预算4万元')).toEqual([['procurement.parts-sum', 61]]);
  });

  it('基本支出 changed → expenditure.basic-project-sum on the 预算情况说明 line', () => {
    expect(errorsAfter('基本支出733.26万元', '基本支出700.26万元')).toEqual([['expenditure.basic-project-sum', 50]]);
  });
});

describe('checks: across years of one unit (ingestFiles)', () => {
  const dir = tempDir('crossyear');
  afterAll(dir.cleanup);

  /** Seed 000 moved back one year (2026 → 2025, 2025 → 2024), then `edits` applied. */
  function previousYear(edits: [string, string][]): string {
    let text = seedText('000').replaceAll('2025', '2024').replaceAll('2026', '2025');
    for (const [from, to] of edits) text = text.replaceAll(from, to);
    return text;
  }
  /** The 2025 figures that seed 000's "比2025年…" statements imply. */
  const CONSISTENT: [string, string][] = [
    ['1483.96', '1351.94'], ['733.26', '636.24'], ['750.7', '715.7'],
    ['“三公”经费预算1.6万元', '“三公”经费预算1.7万元'], ['公务接待费1.6万元', '公务接待费1.7万元'],
  ];
  /** crossYear findings on the 2026 record after ingesting seed 000 with the given 2025 text. */
  async function crossYear(name: string, text2025: string) {
    const sub = join(dir.path, name);
    const files = [join(sub, 'a-2025.txt'), join(sub, 'b-2026.txt')];
    tempWrite(sub, files, [text2025, seedText('000')]);
    const { outcomes } = await ingestFiles(files, sub);
    const [r2025, r2026] = outcomes.map((o) => o.record!);
    expect([r2025!.identity.year, r2026!.identity.year]).toEqual([2025, 2026]);
    expect(r2025!.findings.filter((f) => f.code.startsWith('crossYear'))).toEqual([]);
    return r2026!.findings.filter((f) => f.code.startsWith('crossYear'));
  }

  it('is silent when the 2025 record has the figures 2026 implies', async () => {
    expect(await crossYear('consistent', previousYear(CONSISTENT))).toEqual([]);
  });

  it('warns when 2026’s 比2025年增加132.02万元 does not match the 2025 record', async () => {
    // 2025 says 1350.00 where 2026 implies 1483.96 − 132.02 = 1351.94 (收入, 支出, 一般公共预算财政拨款支出).
    const found = await crossYear('mismatch', previousYear([['1483.96', '1350.00'], ...CONSISTENT.slice(1)]));
    expect(found.map((f) => [f.severity, f.code])).toEqual(Array(3).fill(['warning', 'crossYear.previous-mismatch']));
    expect(found.map((f) => f.message).join('\n')).toContain('1,351.94');
  });

  it('warns about “三公” alone when only the 2025 “三公” differs', async () => {
    const found = await crossYear('threepublic', previousYear(CONSISTENT.slice(0, 3)));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('“三公”经费');
  });

  it('points each cross-year warning at the statement it contradicts', async () => {
    const found = await crossYear('lines', previousYear([['1483.96', '1350.00'], ...CONSISTENT.slice(1)]));
    expect(found.map((f) => f.line)).toEqual([44, 46, 50]);
  });
});

/** Writes `texts` to `files` in `folder` (created). */
function tempWrite(folder: string, files: string[], texts: string[]): void {
  mkdirSync(folder, { recursive: true });
  files.forEach((f, i) => writeFileSync(f, texts[i]!));
}
