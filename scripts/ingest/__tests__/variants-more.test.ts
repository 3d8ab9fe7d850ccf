/**
 * More hand-written documents of the family, modelled on other Chongqing districts' and counties'
 * disclosures (departments with subordinate units, a street office, a town, a school, a hospital; 2019–2026;
 * figures in 元 with thousands separators, full-width digits, PDF hard wraps at 40 characters, attached
 * tab-separated tables, the national "第一部分…第三部分" template, reordered and missing sections).
 * Every figure below is what a careful reader takes from the document; each document's figures add up.
 *
 * Lines the parser still leaves unrecognised (published as such) are named where they are asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../index.ts';
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';

const dir = join(import.meta.dirname, 'fixtures', 'variants');
const parse = (name: string): UnitYearRecord => {
  const { record, diagnostics } = parseDocument(readFileSync(join(dir, name)), name);
  if (!record) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return record;
};
const errors = (r: UnitYearRecord) => r.findings.filter((f) => f.severity === 'error');
const unrecognisedLines = (r: UnitYearRecord) => r.coverage.unrecognised.map((u) => u.line);

describe('county department, 2019, old class names, 一般公共预算拨款 with 上年结转, no glossary', () => {
  const r = parse('chengkou-nongye-2019.txt');
  it('reads identity: a county unit without 重庆市', () => {
    expect(r.identity).toMatchObject({ unit: '城口县农业农村委员会', district: '城口县', year: 2019, budgetKind: 'departmentBudget' });
  });
  it('reads every key figure; procurement parts are not stated', () => {
    expect(r.keyFigures).toEqual({
      unit: '城口县农业农村委员会', year: 2019,
      incomeTotal: 60854300, expenditureTotal: 60854300, generalBudget: 58854300, governmentFund: 2000000,
      basicExpenditure: 12854300, projectExpenditure: 46000000, changeFromPreviousYear: 9854300,
      expenditureByFunction: {
        农林水支出: 53201800, 社会保障和就业支出: 4152500, 医疗卫生与计划生育支出: 800000, 住房保障支出: 700000, 城乡社区支出: 2000000,
      },
      threePublic: { total: 220000, outboundTravel: 0, reception: 40000, vehicleOperation: 180000, vehiclePurchase: 0 },
      operatingExpenses: 1200000,
      procurement: { total: 3000000, goods: null, works: null, services: null },
      vehicles: 5,
      glossaryTerms: [],
      contact: { name: '向军', phone: '023-59222318' },
    });
    expect(r.generalBudgetAppropriation.change).toMatchObject({ amount: 9854300, comparedYear: 2018 });
    expect(r.income.carriedForward).toBeNull();
  });
  it('accounts for every line and finds nothing wrong', () => {
    expect(r.coverage.unrecognised).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});

describe('school unit budget with figures in 元 (thousands separators, .00) and 不纳入 机关运行经费', () => {
  const r = parse('jiangbei-school-2022.txt');
  it('reads identity, parent department and date', () => {
    expect(r.identity).toMatchObject({
      unit: '重庆市江北区鲤鱼池小学校', district: '江北区', year: 2022, budgetKind: 'unitBudget',
      parentDepartment: '重庆市江北区教育委员会', publicationDate: '2022-03-10',
    });
  });
  it('reads every key figure in 元 exactly', () => {
    expect(r.keyFigures).toEqual({
      unit: '重庆市江北区鲤鱼池小学校', year: 2022,
      incomeTotal: 12856430, expenditureTotal: 12856430, generalBudget: 11956430, governmentFund: 0,
      basicExpenditure: 10956430, projectExpenditure: 1000000, changeFromPreviousYear: 356430,
      expenditureByFunction: { 教育支出: 10823610, 社会保障和就业支出: 1186520, 卫生健康支出: 356300, 住房保障支出: 490000 },
      threePublic: { total: 8000, outboundTravel: 0, reception: 8000, vehicleOperation: 0, vehiclePurchase: 0 },
      operatingExpenses: null,
      procurement: { total: 650000, goods: 450000, works: 0, services: 200000 },
      vehicles: 0,
      glossaryTerms: ['事业收入', '基本支出'],
      contact: { name: '刘敏', phone: '023-67552301' },
    });
    expect(r.operatingExpenses?.notInScope).toBe(true);
    expect(r.income.sources.find((s) => s.key === 'institutionIncome')?.amount).toBe(900000);
    expect(r.generalBudgetAppropriation.project.change).toMatchObject({ amount: 0, comparedYear: 2021 });
  });
  it('accounts for every line and finds nothing wrong', () => {
    expect(r.coverage.unrecognised).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});

describe('street office notice (公示) with 文号, 签发人 and full-width digits throughout', () => {
  const r = parse('shapingba-street-2021.txt');
  it('reads identity and the notice header', () => {
    expect(r.identity).toMatchObject({
      unit: '重庆市沙坪坝区渝碚路街道办事处', district: '沙坪坝区', year: 2021, budgetKind: 'departmentBudget',
      noticeKind: '公示', signer: '陈明', documentNumber: '沙渝碚街发〔２０２１〕８号',
      approvalDocument: { title: '关于批复２０２１年部门预算的通知', number: '沙财预〔２０２１〕３号' },
      publicationDate: '2021-03-05',
    });
  });
  it('reads every key figure from full-width digits', () => {
    expect(r.keyFigures).toEqual({
      unit: '重庆市沙坪坝区渝碚路街道办事处', year: 2021,
      incomeTotal: 32658000, expenditureTotal: 32658000, generalBudget: 31158000, governmentFund: 1500000,
      basicExpenditure: 22158000, projectExpenditure: 9000000, changeFromPreviousYear: -842000,
      expenditureByFunction: { 一般公共服务支出: 18623600, 社会保障和就业支出: 6204400, 卫生健康支出: 980000, 城乡社区支出: 5850000, 住房保障支出: 1000000 },
      threePublic: { total: 125000, outboundTravel: 0, reception: 25000, vehicleOperation: 100000, vehiclePurchase: 0 },
      operatingExpenses: 963000,
      procurement: { total: 800000, goods: 300000, works: 0, services: 500000 },
      vehicles: 3,
      glossaryTerms: ['财政拨款收入', '基本支出', '项目支出'],
      contact: { name: '赵晓燕', phone: '023-65321234' },
    });
    expect(r.expenditure.basicChange?.amount).toBe(158000);
    expect(r.expenditure.projectChange?.amount).toBe(-1500000);
    expect(r.governmentFund).toMatchObject({ income: 1500000, expenditure: 1500000, none: false });
  });
  it('accounts for every line and finds nothing wrong', () => {
    expect(r.coverage.unrecognised).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});

describe('town government in an autonomous county, ① items and （1） duties', () => {
  const r = parse('shizhu-xituo-2026.txt');
  it('reads identity: 石柱土家族自治县 is the district', () => {
    expect(r.identity).toMatchObject({ unit: '石柱土家族自治县西沱镇人民政府', district: '石柱土家族自治县', year: 2026, budgetKind: 'departmentBudget' });
  });
  it('reads every key figure', () => {
    expect(r.keyFigures).toEqual({
      unit: '石柱土家族自治县西沱镇人民政府', year: 2026,
      incomeTotal: 45123600, expenditureTotal: 45123600, generalBudget: 41123600, governmentFund: 4000000,
      basicExpenditure: 23123600, projectExpenditure: 18000000, changeFromPreviousYear: -376400,
      expenditureByFunction: {
        一般公共服务支出: 12365000, 公共安全支出: 560000, 社会保障和就业支出: 8684000, 卫生健康支出: 1514600,
        农林水支出: 16000000, 城乡社区支出: 4000000, 住房保障支出: 2000000,
      },
      threePublic: { total: 160000, outboundTravel: 0, reception: 40000, vehicleOperation: 120000, vehiclePurchase: 0 },
      operatingExpenses: 1100000,
      procurement: { total: 1500000, goods: 500000, works: 600000, services: 400000 },
      vehicles: 2,
      glossaryTerms: ['财政拨款收入', '基本支出', '项目支出'],
      contact: { name: '谭小兵', phone: '023-73381234' },
    });
    expect(r.assets?.vehicles.byType).toEqual([{ type: '应急保障用车', count: 2 }]);
  });
  it('accounts for every line and finds nothing wrong', () => {
    expect(r.coverage.unrecognised).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});

describe('hospital unit budget with two attached tab-separated tables', () => {
  const r = parse('fuling-fuyou-2023.txt');
  it('reads identity and parent department', () => {
    expect(r.identity).toMatchObject({
      unit: '重庆市涪陵区妇幼保健院', district: '涪陵区', year: 2023, budgetKind: 'unitBudget',
      parentDepartment: '重庆市涪陵区卫生健康委员会',
    });
  });
  it('reads every key figure', () => {
    expect(r.keyFigures).toEqual({
      unit: '重庆市涪陵区妇幼保健院', year: 2023,
      incomeTotal: 123600000, expenditureTotal: 123600000, generalBudget: 13600000, governmentFund: 0,
      basicExpenditure: 8600000, projectExpenditure: 5000000, changeFromPreviousYear: 600000,
      expenditureByFunction: { 卫生健康支出: 119600000, 社会保障和就业支出: 2800000, 住房保障支出: 1200000 },
      threePublic: { total: 40000, outboundTravel: 0, reception: 10000, vehicleOperation: 30000, vehiclePurchase: 0 },
      operatingExpenses: null,
      procurement: { total: 8600000, goods: 6200000, works: 0, services: 2400000 },
      vehicles: 4,
      glossaryTerms: ['财政拨款收入', '事业收入', '“三公”经费'],
      contact: { name: '谭静', phone: '023-72231456' },
    });
    expect(r.procurement?.generalBudget).toEqual({ total: 1200000, goods: 800000, works: 0, services: 400000 });
  });
  it('finds both attached tables', () => {
    expect(r.tables.map((t) => t.title)).toEqual([
      '2023年涪陵区妇幼保健院财政拨款收支总表', '2023年涪陵区妇幼保健院一般公共预算“三公”经费支出表',
    ]);
  });
  it('accounts for every line and finds nothing wrong', () => {
    expect(r.coverage.unrecognised).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});

// Not yet read (see report): generalBudget 352000000 and governmentFund 0 — the comparison
// "比上年增长5.1%" stands before "其中：", and sources after it are ignored.
describe('department with subordinate units, 三公 section first, % changes only, no glossary', () => {
  const r = parse('wanzhou-jiaotong-2024.txt');
  it('reads identity', () => {
    expect(r.identity).toMatchObject({ unit: '重庆市万州区交通运输委员会', district: '万州区', year: 2024, budgetKind: 'departmentBudget' });
  });
  it('reads the figures it can; a change stated only in % has no amount', () => {
    expect(r.keyFigures).toMatchObject({
      incomeTotal: 352000000, expenditureTotal: 352000000,
      basicExpenditure: 62000000, projectExpenditure: 290000000, changeFromPreviousYear: null,
      expenditureByFunction: { 交通运输支出: 331500000, 社会保障和就业支出: 12500000, 卫生健康支出: 4200000, 住房保障支出: 3800000 },
      threePublic: { total: 482000, outboundTravel: 0, reception: 32000, vehicleOperation: 200000, vehiclePurchase: 250000 },
      operatingExpenses: 2600000,
      procurement: { total: 65000000, goods: 5000000, works: 50000000, services: 10000000 },
      vehicles: 28,
      glossaryTerms: [],
      contact: { name: '冉建华', phone: '023-58221234' },
    });
    expect(r.threePublic.total.change).toMatchObject({ amount: 200000, reason: '执法执勤用车更新' });
  });
  it('accounts for every line; the reordering is a warning, not an error', () => {
    expect(r.coverage.unrecognised).toEqual([]);
    expect(errors(r)).toEqual([]);
    expect(r.findings.map((f) => f.code)).toEqual(['section.order', 'section.order']);
  });
});

describe('newer template: 二、部门预算情况说明 with （一）…（八） subsections', () => {
  const r = parse('yubei-minzheng-2024.txt');
  it('reads identity', () => {
    expect(r.identity).toMatchObject({ unit: '重庆市渝北区民政局', district: '渝北区', year: 2024, budgetKind: 'departmentBudget' });
  });
  it('reads every figure, the 一般公共预算 paragraph rather than the combined 财政拨款 one', () => {
    expect(r.keyFigures).toMatchObject({
      incomeTotal: 86524000, expenditureTotal: 86524000, generalBudget: 81024000, governmentFund: 5000000,
      basicExpenditure: 16024000, projectExpenditure: 65000000, changeFromPreviousYear: 3024000,
      expenditureByFunction: { 一般公共服务支出: 5000000, 社会保障和就业支出: 73201500, 卫生健康支出: 1822500, 住房保障支出: 1500000, 其他支出: 5000000 },
      threePublic: { total: 186000, outboundTravel: 0, reception: 36000, vehicleOperation: 150000, vehiclePurchase: 0 },
      operatingExpenses: 1685000,
      procurement: { total: 12300000, goods: 2300000, works: 0, services: 10000000 },
      vehicles: 6,
      glossaryTerms: ['财政拨款收入', '其他收入', '基本支出', '项目支出', '“三公”经费', '机关运行经费'],
      contact: { name: '王丽', phone: '023-67821234' },
    });
    expect(r.income.change?.amount).toBe(3524000);
    expect(r.threePublic.vehicleOperation.change?.amount).toBe(-10000);
    expect(r.operatingExpenses?.change?.amount).toBe(-52000);
    expect(r.generalBudgetAppropriation.basicBreakdown).toEqual({ personnelCosts: 14201800, officeCosts: 1822200, line: 23 });
  });
  it('finds nothing wrong; only the combined 财政拨款 paragraph and 无国有资本经营预算 stay unrecognised', () => {
    expect(r.findings).toEqual([]);
    expect(unrecognisedLines(r)).toEqual([19, 29]);
  });
});

describe('department hard-wrapped at 40 characters (PDF copy), numbers cut across lines', () => {
  const r = parse('nanan-weijian-2025.txt');
  it('reads identity', () => {
    expect(r.identity).toMatchObject({ unit: '重庆市南岸区卫生健康委员会', district: '南岸区', year: 2025, budgetKind: 'departmentBudget' });
  });
  it('reads the figures it can, including numbers cut by a wrap', () => {
    expect(r.keyFigures).toMatchObject({
      incomeTotal: 256805200, expenditureTotal: 256805200, generalBudget: 184205200, governmentFund: 2600000,
      expenditureByFunction: { 卫生健康支出: 230152000, 社会保障和就业支出: 16053200, 住房保障支出: 8000000, 其他支出: 2600000 },
      basicExpenditure: 94205200, projectExpenditure: 90000000, changeFromPreviousYear: 6205200,
      threePublic: { total: 358000, outboundTravel: 0, reception: 58000, vehicleOperation: 300000, vehiclePurchase: 0 },
      operatingExpenses: 856000,
      procurement: { total: 23500000, goods: 18000000, works: 1500000, services: 4000000 },
      vehicles: 15,
      glossaryTerms: ['财政拨款收入', '事业收入', '基本支出'],
      contact: { name: '周红梅', phone: '023-62988765' },
    });
    expect(r.generalBudgetAppropriation.basic.change?.amount).toBe(4205200);
    expect(r.governmentFund?.expenditure).toBe(2600000);
  });
  it('finds nothing wrong and accounts for every wrapped line', () => {
    expect(r.findings).toEqual([]);
    expect(r.coverage.unrecognised).toEqual([]);
  });
});

describe('national template: 第一部分…第三部分, 一般公共预算拨款支出 without 财政', () => {
  const r = parse('banan-sifa-2020.txt');
  it('reads identity from a one-line title', () => {
    expect(r.identity).toMatchObject({ unit: '重庆市巴南区司法局', district: '巴南区', year: 2020, budgetKind: 'departmentBudget' });
  });
  it('reads the figures, 一般公共预算拨款支出 and 与上年相比…增加 included', () => {
    expect(r.keyFigures).toMatchObject({
      incomeTotal: 32105000, expenditureTotal: 32105000, generalBudget: 31505000, governmentFund: 0,
      basicExpenditure: 18105000, projectExpenditure: 13400000, changeFromPreviousYear: 905000,
      glossaryTerms: ['财政拨款收入', '上年结转', '“三公”经费'],
      threePublic: { total: 215000, outboundTravel: 0, reception: 35000, vehicleOperation: 180000, vehiclePurchase: 0 },
      operatingExpenses: 2502000,
      procurement: { total: 3200000, goods: 1200000, works: 0, services: 2000000 },
      vehicles: 9,
      contact: { name: '杨帆', phone: '023-66221234' },
    });
  });
  it('raises no error; the 总计 line and the 一般公共预算 class list stay unrecognised', () => {
    expect(errors(r)).toEqual([]);
    expect(r.findings.map((f) => f.code)).toEqual(['section.order']); // 政府性基金 after 三公: as written
    expect(unrecognisedLines(r)).toEqual([14, 19]);
  });
});
