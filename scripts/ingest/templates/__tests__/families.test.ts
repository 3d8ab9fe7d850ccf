/**
 * The Jiangsu and Shanghai templates' own sentences, from examples worded as the documents word them
 * (the corpus measurement, corpus-families.test.ts, runs them on the real documents).
 */
import { describe, expect, it } from 'vitest';
import { jiangsu } from '../jiangsu.ts';
import { shanghai } from '../shanghai.ts';
import { familiesOf } from '../index.ts';
import type { FamilyDocument, FamilyPara, FamilyParts } from '../hooks.ts';
import { toMatchForm } from '../../../../src/domain/text.ts';

type Kind = FamilyPara['section'];

/** A document from [section kind, heading, paragraph text] rows; text in matching form, spaces removed. */
function doc(rows: [Kind, string, string][], extraLines: string[] = []): FamilyDocument {
  const paras = rows.map(([section, heading, text], i) => ({
    line: i + 1, lines: [i + 1], text: toMatchForm(text).replace(/\s+/g, ''), display: text, number: /^\d+\./.test(text) ? text.slice(0, 2) : null, section, heading,
  }));
  return { paras, lines: [...extraLines.map((l) => toMatchForm(l).replace(/\s+/g, '')), ...paras.map((p) => p.text)] };
}

const item = () => ({ amount: null, change: null, inferred: false, line: null });
const emptyParts = (expenditureTotal: number | null = null): FamilyParts => ({
  income: { total: null, carriedForward: null, sources: [], change: null, line: null },
  expenditure: { total: expenditureTotal, byFunction: [], change: null, basicChange: null, projectChange: null, line: null },
  generalBudgetAppropriation: {
    income: null, expenditure: null, change: null, basicBreakdown: null, line: null,
    basic: { amount: null, change: null, purpose: null, line: null }, project: { amount: null, change: null, purpose: null, line: null },
  },
  governmentFund: null,
  threePublic: { total: item(), outboundTravel: item(), reception: item(), vehicleOperation: item(), vehiclePurchase: item() },
  operatingExpenses: null,
  procurement: null,
  assets: null,
});
const trace = () => {
  const used: number[] = [];
  return { used, use: (n: number) => used.push(n), prov: () => {} };
};

const JIANGSU_PARTS = ['第一部分部门概况', '第二部分2019年度部门预算表', '第三部分2019年度部门预算情况说明', '第四部分名词解释', '七、单位预留机动经费:指预算单位年初预留…'];

describe('families are recognised by their own parts and titles', () => {
  it('Jiangsu: the four parts and 单位预留机动经费; Shanghai: 编制说明 and 其他相关情况说明', () => {
    expect(familiesOf(doc([], JIANGSU_PARTS)).map((t) => t.id)).toEqual(['jiangsu']);
    expect(familiesOf(doc([], ['上海市普陀区2025年区级部门预算', '2025年部门预算编制说明', '其他相关情况说明'])).map((t) => t.id)).toEqual(['shanghai']);
    expect(familiesOf(doc([], ['2025年单位预算编制说明', '其他相关情况说明'])).map((t) => t.id)).toEqual(['shanghai']);
    // A Chongqing 情况说明 has neither.
    expect(familiesOf(doc([], ['一、单位基本情况', '六、专业性名词解释', '其他相关情况说明']))).toEqual([]);
  });
});

describe('Jiangsu identity', () => {
  it('reads a cover title wrapped over two lines, either order', () => {
    expect(jiangsu.identity!(doc([['preamble', '', '江苏省人大常委会办公厅2018年度部门'], ['preamble', '', '预算公开']])))
      .toMatchObject({ unit: '江苏省人大常委会办公厅', year: 2018 });
    expect(jiangsu.identity!(doc([['preamble', '', '2018 年度江苏省高级'], ['preamble', '', '人民法院预算公开']])))
      .toMatchObject({ unit: '江苏省高级人民法院', year: 2018 });
  });
  it('falls back to the first sentence of 第三部分 (a cover printed as an image)', () => {
    expect(jiangsu.identity!(doc([['overview', '收支预算总体情况说明', '江苏省政协办公厅 2019 年度收入、'], ['overview', '', '支出预算总计 13,377.11 万元']])))
      .toMatchObject({ unit: '江苏省政协办公厅', year: 2019 });
    expect(jiangsu.identity!(doc([['overview', '', '本表反映部门年度总体收支预算情况。']]))).toBeNull();
  });
});

describe('Jiangsu sentences', () => {
  const overview: [Kind, string, string][] = [
    ['overview', '收支预算总表情况说明', '（二）支出预算总计 9,146.79 万元。包括：'],
    ['overview', '', '1. 一般公共服务（类）支出 6,543.55 万元，主要用于…'],
    ['overview', '', '2.社会保障和就业（类）支出 1,509.72 万元'],
    ['overview', '', '3.住房保障（类）支出 1,093.52 万元'],
    ['overview', '', '此外，基本支出预算数为 5,916.27 万元。与上年相比增加 498.72 万元'],
    ['overview', '', '项目支出预算数为 3,123.68 万元。与上年数一致。'],
    ['overview', '', '单位预留机动经费预算为 106.84 万元。'],
    ['overview', '', '1.财政拨款收入预算总计 9,066.79 万元。其中，一般公共预算收入预算 9,066.79 万元，与上年相比增加 498.72 万元'],
  ];

  it('takes the whole budget’s split, the 一般公共预算 income and its change, the classes that make the total', () => {
    const r = emptyParts(91_467_900);
    jiangsu.refine!(doc(overview), r, trace());
    expect(r.expenditure.byKind).toEqual({ basic: 59_162_700, project: 31_236_800, reserve: 1_068_400 });
    expect(r.income.sources).toMatchObject([{ key: 'generalBudget', amount: 90_667_900 }]);
    expect(r.generalBudgetAppropriation.change?.amount).toBe(4_987_200);
    expect(r.expenditure.byFunction.map((f) => [f.label, f.amount])).toEqual([
      ['一般公共服务支出', 65_435_500], ['社会保障和就业支出', 15_097_200], ['住房保障支出', 10_935_200],
    ]);
  });

  it('never takes a figure its statements disagree on, nor classes that do not make the total', () => {
    const typo: [Kind, string, string][] = [...overview, ['expenditure', '支出预算情况说明', '基本支出 5,916.28 万元，占 64.68%；']];
    const r = emptyParts(91_467_800);
    jiangsu.refine!(doc(typo), r, trace());
    expect(r.expenditure.byKind?.basic).toBeNull();
    expect(r.expenditure.byKind?.project).toBe(31_236_800);
    expect(r.expenditure.byFunction).toEqual([]);
  });

  it('reads 政府采购 parts past a page break, and only when they add up', () => {
    const r = emptyParts();
    jiangsu.refine!(doc([
      ['procurement', '政府采购支出预算情况说明', '2019年度政府采购支出预算总额2744.84万元，其中：拟采'],
      ['procurement', '', '31'],
      ['procurement', '', '购货物支出303.4万元、拟购买服务支出2441.44万元。'],
    ]), r, trace());
    expect(r.procurement).toMatchObject({ total: 27_448_400, goods: 3_034_000, works: null, services: 24_414_400 });
    const wrong = emptyParts();
    jiangsu.refine!(doc([['procurement', '', '政府采购支出预算总额2744.84万元，其中：拟采购货物支出303.4万元、拟购买服务支出2000万元。']]), wrong, trace());
    expect(wrong.procurement).toMatchObject({ total: 27_448_400, goods: null, services: null });
  });

  it('reads 三公 items, 机关运行经费 and 政府性基金 from their own sections only', () => {
    const r = emptyParts();
    jiangsu.refine!(doc([
      ['threePublic', '', '（1）公务用车购置预算支出 0 万元，与上年一致。'],
      ['threePublic', '', '3．公务接待费预算支出 183.95 万元，比上年预算减少 1.77 万元'],
      ['income', '', '机关运行经费预算支出 999 万元'],
      ['operatingExpenses', '', '2018 年本部门一般公共预算机关运行经费预算支出 3407.38 万'],
      ['operatingExpenses', '', '元，与上年相比减少 5786.02 万元'],
      ['budgetExplanation', '政府性基金支出预算表情况说明', '本表数为零。'],
    ]), r, trace());
    expect(r.threePublic.vehiclePurchase.amount).toBe(0);
    expect(r.threePublic.reception.amount).toBe(1_839_500);
    expect(r.operatingExpenses?.amount).toBe(34_073_800);
    expect(r.governmentFund).toMatchObject({ income: 0, none: true });
  });

  it('never overwrites what the generic extractors found', () => {
    const r = emptyParts();
    r.threePublic.reception = { amount: 1, change: null, inferred: false, line: 9 };
    jiangsu.refine!(doc([['threePublic', '', '公务接待费预算支出 183.95 万元']]), r, trace());
    expect(r.threePublic.reception.amount).toBe(1);
  });
});

describe('Shanghai sentences', () => {
  it('reads the change of 一般公共预算拨款, 政府性基金 and 机关运行经费', () => {
    const r = emptyParts();
    shanghai.refine!(doc([
      ['budgetExplanation', '2025年部门预算编制说明', '支出预算9,101.68万元，其中：财政拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元。财政拨款支出预算中，一般公共预算拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元；政府性基金拨款支出预算0万元，比2024年预算持平；'],
      ['operatingExpenses', '机关运行经费预算', '2025年上海市普陀区人民政府办公室下属1家机关和1家事业单位财政拨款的机关运行经费预算为213.28万元。'],
    ]), r, trace());
    expect(r.generalBudgetAppropriation).toMatchObject({ expenditure: 91_016_800, change: { amount: -23_895_200, comparedYear: 2024 } });
    expect(r.governmentFund).toMatchObject({ income: 0, expenditure: 0, none: true });
    expect(r.operatingExpenses?.amount).toBe(2_132_800);
  });

  it('reads 持平 as no change', () => {
    const r = emptyParts();
    shanghai.refine!(doc([['budgetExplanation', '', '一般公共预算拨款支出预算500万元，比2024年预算持平；']]), r, trace());
    expect(r.generalBudgetAppropriation.change?.amount).toBe(0);
  });
});
