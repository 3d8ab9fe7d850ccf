/**
 * record.blockSections: each block is said to come from the section holding the lines its extractor read,
 * not from the first section of a fitting kind (which, in a document opening with a table of contents
 * printed as headings, is the contents entry).
 */
import { describe, expect, it } from 'vitest';
import { blockSectionsOf } from '../block-sections.ts';
import { toLines } from '../normalize.ts';
import { buildSections } from '../sections.ts';
import type { BlockFields } from '../../../../src/domain/blocks.ts';

const item = () => ({ amount: null, change: null, inferred: false, line: null });
const part = () => ({ amount: null, change: null, purpose: null, line: null });
/** A record holding nothing but what `over` gives. */
const fields = (over: Partial<BlockFields>): BlockFields => ({
  duties: [], structure: { text: [], internalDivisions: [], subordinateUnits: [] },
  income: { total: null, carriedForward: null, sources: [], change: null, line: null },
  expenditure: { total: null, byFunction: [], change: null, basicChange: null, projectChange: null, line: null },
  generalBudgetAppropriation: { income: null, expenditure: null, change: null, basic: part(), project: part(), basicBreakdown: null, line: null },
  threePublic: { total: item(), outboundTravel: item(), reception: item(), vehicleOperation: item(), vehiclePurchase: item() },
  operatingExpenses: null, procurement: null, performance: null, performanceTargets: [], assets: null, glossary: [], tables: [],
  ...over,
});
const sectionsOf = (text: string) => buildSections(toLines(text)).sections;
/** The title of the section each block is said to come from. */
const titles = (text: string, f: BlockFields) => {
  const sections = sectionsOf(text);
  return Object.fromEntries(Object.entries(blockSectionsOf(f, sections)).map(([b, id]) => [b, sections.find((s) => s.id === id)!.title]));
};
const glossary = (...lines: number[]) => lines.map((line) => ({ term: '词', definition: '释义', line }));
const duty = (...lines: number[]) => [{ unit: null, intro: null, items: lines.map((line) => ({ text: '职责', line })) }];

describe('blockSectionsOf', () => {
  it('names the section whose paragraphs the block was read from, not an earlier heading of the same kind', () => {
    const text = [
      '某某局2026年部门预算', '一、名词解释', '二、收入预算情况', '2026年收入预算10万元。', '三、名词解释', '财政拨款：指财政拨给的资金。',
    ].join('\n');
    expect(titles(text, fields({ glossary: glossary(6), income: { total: 100000, carriedForward: null, sources: [], change: null, line: 4 } })))
      .toEqual({ income: '收入预算情况', glossary: '名词解释' });
    const sections = sectionsOf(text);
    expect(blockSectionsOf(fields({ glossary: glossary(6) }), sections)).toEqual({ glossary: sections.find((s) => s.line === 5)!.id });
  });

  it('names the sub-section a paragraph sits in, and the innermost section enclosing all of a block\'s lines', () => {
    const text = [
      '某某局2026年部门预算', '一、部门预算情况说明', '（一）收支总体情况', '收入预算10万元。', '（二）一般公共预算支出情况',
      '基本支出6万元，项目支出4万元。', '二、部门职责', '（一）本级', '1.职责一', '（二）下属单位', '1.职责二',
    ].join('\n');
    const spending = fields({
      generalBudgetAppropriation: { ...fields({}).generalBudgetAppropriation, basic: { ...part(), amount: 60000, line: 6 }, project: { ...part(), amount: 40000, line: 6 } },
      duties: duty(9, 11),
    });
    expect(titles(text, spending)).toEqual({ spending: '一般公共预算支出情况', duties: '部门职责' });
  });

  it('takes the part holding most of the lines when no section holds them all, and leaves out a block read before any heading', () => {
    const text = [
      '某某局2026年部门预算', '主要职责见下。', '一、主要职能', '1.职责一', '二、收入预算', '三、主要职责', '1.职责二', '2.职责三',
    ].join('\n');
    expect(titles(text, fields({ duties: duty(4, 7, 8) }))).toEqual({ duties: '主要职责' });
    expect(titles(text, fields({ duties: duty(2) }))).toEqual({});
  });

  it('places the 绩效目标 block by its paragraph, and by the target forms only when the text states nothing', () => {
    const text = ['某某局2026年部门预算', '一、绩效目标设置情况', '2026年实行绩效目标管理的项目3个，涉及资金5万元。', '二、附表', '项目名称：某某项目，资金5万元。'].join('\n');
    const target = { line: 5 } as BlockFields['performanceTargets'][number];
    expect(titles(text, fields({ performance: { coverageAmount: 50000, text: '', line: 3 }, performanceTargets: [target] }))).toEqual({ performance: '绩效目标设置情况' });
    expect(titles(text, fields({ performanceTargets: [target] }))).toEqual({ performance: '附表' });
  });
});
