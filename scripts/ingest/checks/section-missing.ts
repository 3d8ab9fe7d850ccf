/** section.missing: the document says something of 收入预算, 支出预算 and the “三公”经费 (searched by vocabulary anywhere). */
import { NAMES, quote, structureExample, type StructureFinding, type StructureInput } from './structure.ts';
import type { Check } from './types.ts';

/** Each core topic and the words that show the document covers it. */
const CORE: readonly [string, RegExp][] = [
  ['income', /收入预算|收入总预算|财政拨款收入/],
  ['expenditure', /支出预算|支出总预算|财政拨款支出/],
  ['threePublic', /三公/],
];

export const sectionMissing: Check<StructureInput, StructureFinding> = {
  codes: ['section.missing'],
  description: 'The document covers 收入预算, 支出预算 and the “三公”经费 somewhere (by vocabulary, so only a topic truly absent is reported).',
  run: ({ lines }) => {
    const text = lines.map((l) => l.text).join('\n');
    return CORE.filter(([, re]) => !re.test(text)).map(([kind]) => ({
      severity: 'error', code: 'section.missing', message: `未找到${quote(NAMES[kind]!)}的内容；部门预算公开应说明${NAMES[kind]}`, line: null,
      diagnostic: { kind: 'missing-section', line: lines.length || 1, message: `缺少${quote(NAMES[kind]!)}部分：全文未出现相关说明；部门预算公开应有一节说明${NAMES[kind]}` },
    }));
  },
  pass: [{
    name: 'all three topics',
    input: structureExample('二、部门收支总体情况\n收入预算120.5万元，支出预算120.5万元。\n四、“三公”经费情况说明\n“三公”经费预算1万元。'),
  }],
  fail: [{
    name: 'no word of the “三公”经费',
    input: structureExample('二、部门收支总体情况\n收入预算120.5万元，支出预算120.5万元。'),
    findings: [{
      severity: 'error', code: 'section.missing', message: '未找到“三公”经费情况说明的内容；部门预算公开应说明“三公”经费情况说明', line: null,
      diagnostic: { kind: 'missing-section', line: 2, message: '缺少“三公”经费情况说明部分：全文未出现相关说明；部门预算公开应有一节说明“三公”经费情况说明' },
    }],
  }],
};
