import { describe, expect, it } from 'vitest';
import { buildGlossary, normalizeTerm } from '../glossary.ts';
import { glossaryTermSchema, type GlossaryTerm } from '../schema/glossary-term.ts';
import type { UnitYearRecord } from '../schema/record.ts';

/** A table row as the ingest writes it: code cell, name cell, one amount. */
function row(code: string, name: string, line: number) {
  const level = code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item';
  return {
    cells: [{ text: code, fen: null, line }, { text: name, fen: null, line }, { text: '1.00', fen: 10000, line }],
    code, level, parentCode: null, total: false, line,
  };
}

/** A partial record with just what the glossary reads. */
function record(
  id: string, unit: string, year: number,
  glossary: [term: string, definition: string][],
  classes: [code: string, name: string][] = [],
): UnitYearRecord {
  return {
    id,
    identity: { unit, year },
    glossary: glossary.map(([term, definition], i) => ({ term, definition, line: 100 + i })),
    tables: [{
      id: 't1', title: '支出表', kind: 'other', unitOfMeasure: '万元', header: [],
      rows: [
        { cells: [{ text: '合计', fen: null, line: 1 }], code: null, level: null, parentCode: null, total: true, line: 1 },
        ...classes.map(([code, name], i) => row(code, name, 200 + i)),
      ],
      numericColumns: [2], note: null, startLine: 1, endLine: 300,
    }],
  } as unknown as UnitYearRecord;
}

const byKey = (terms: GlossaryTerm[], key: string): GlossaryTerm => {
  const found = terms.find((t) => t.key === key);
  if (!found) throw new Error(`no term ${key}`);
  return found;
};

describe('normalizeTerm', () => {
  it('drops quotes and spaces and folds full-width ASCII', () => {
    expect(normalizeTerm('“三公”经费')).toBe('三公经费');
    expect(normalizeTerm('‘三公’经费')).toBe('三公经费');
    expect(normalizeTerm('"三公"经费')).toBe('三公经费');
    expect(normalizeTerm('「三公」经费')).toBe('三公经费');
    expect(normalizeTerm(' 三公　经费 ')).toBe('三公经费');
    expect(normalizeTerm('因公出国（境）费')).toBe('因公出国(境)费');
    expect(normalizeTerm('ＰＰＰ项目１')).toBe('PPP项目1');
  });
});

describe('buildGlossary', () => {
  const a = record('d/a/2026', '甲中心', 2026, [
    ['“三公”经费', '指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费、公务接待费。'],
    ['基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。'],
  ]);
  const b = record('d/b/2026', '乙中心', 2026, [
    // Same wording as 甲 apart from whitespace and bracket width: merged.
    ['三公经费', '指用一般公共预算财政拨款安排的因公出国(境)费、 公务用车购置及运行维护费、公务接待费。'],
    ['基本支出', '指为保障机构正常运转而发生的人员经费和公用经费。'],
  ]);
  const c = record('d/c/2025', '丙中心', 2025, [
    ['基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。'],
  ]);

  it('merges identical definitions and keeps different ones side by side with their users', () => {
    const glossary = buildGlossary([a, b, c]);
    const threePublic = byKey(glossary, '三公经费');
    expect(threePublic.term).toBe('“三公”经费');
    expect(threePublic.category).toBe('budget');
    expect(threePublic.code).toBeNull();
    expect(threePublic.definitions).toHaveLength(1);
    expect(threePublic.definitions[0]!.text).toBe(a.glossary[0]!.definition);
    expect(threePublic.definitions[0]!.usedBy.map((u) => u.recordId)).toEqual(['d/a/2026', 'd/b/2026']);

    const basic = byKey(glossary, '基本支出');
    expect(basic.definitions.map((d) => [d.text, d.usedBy.map((u) => `${u.unit}${u.year}`)])).toEqual([
      ['指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。', ['甲中心2026', '丙中心2025']],
      ['指为保障机构正常运转而发生的人员经费和公用经费。', ['乙中心2026']],
    ]);
    expect(basic.usedBy).toEqual([
      { recordId: 'd/a/2026', unit: '甲中心', year: 2026 },
      { recordId: 'd/b/2026', unit: '乙中心', year: 2026 },
      { recordId: 'd/c/2025', unit: '丙中心', year: 2025 },
    ]);
  });

  it('adds table class names with their codes and a document definition of the same name (seed 003)', () => {
    // As in seed 003: 名词解释 defines 行政运行 (with ASCII brackets) and 住房公积金.
    const defining = record('d/e/2026', '电子政务中心', 2026, [
      ['行政运行', '反映行政单位(包括实行公务员管理的事业单位)的基本支出。'],
      ['住房公积金', '反映行政事业单位按人力资源和社会保障部、财政部规定的基本工资和津贴补贴以及规定比例为职工缴纳的住房公积金。'],
    ], [['201', '一般公共服务支出'], ['20103', '政府办公厅（室）及相关机构事务'], ['2010301', '行政运行']]);
    const printing = record('d/k/2026', '政务信息中心', 2026, [], [
      ['2013101', '行政运行'], ['2210201', '住房公积金'], ['30101', '基本工资'], ['30113', '住房公积金'],
    ]);
    const glossary = buildGlossary([printing, defining]);

    const admin = byKey(glossary, '行政运行');
    expect(admin).toMatchObject({ category: 'function', code: '2010301', codes: ['2010301', '2013101'] });
    expect(admin.definitions).toEqual([{
      text: '反映行政单位(包括实行公务员管理的事业单位)的基本支出。',
      usedBy: [{ recordId: 'd/e/2026', unit: '电子政务中心', year: 2026 }],
    }]);
    expect(admin.usedBy.map((u) => u.recordId)).toEqual(['d/e/2026', 'd/k/2026']);

    // A name printed both as a function item and an economic section is a function class with both codes.
    expect(byKey(glossary, '住房公积金')).toMatchObject({ category: 'function', code: '2210201', codes: ['2210201', '30113'] });
    expect(byKey(glossary, '基本工资')).toMatchObject({ category: 'economic', code: '30101', codes: ['30101'], definitions: [] });
    expect(byKey(glossary, '政府办公厅(室)及相关机构事务')).toMatchObject({ term: '政府办公厅（室）及相关机构事务', code: '20103' });
    // The 合计 row has no code and is not a term.
    expect(glossary.some((t) => t.key === '合计')).toBe(false);
  });

  it('orders by category then pinyin, gives unique ASCII slugs, and ignores input order', () => {
    const homophones = record('d/h/2026', '丁中心', 2026, [['公示', '公开告示。'], ['公式', '数学公式。']], [['30101', '基本工资']]);
    const glossary = buildGlossary([a, b, c, homophones]);
    expect(glossary.map((t) => [t.category, t.slug])).toEqual([
      ['budget', 'gong-shi'],
      ['budget', 'gong-shi-2'],
      ['budget', 'ji-ben-zhi-chu'],
      ['budget', 'san-gong-jing-fei'],
      ['economic', 'ji-ben-gong-zi'],
    ]);
    // Homophones are told apart by key (code-point order): 公式 (U+5F0F) before 公示 (U+793A).
    expect(glossary.slice(0, 2).map((t) => t.key)).toEqual(['公式', '公示']);
    expect(buildGlossary([homophones, c, b, a])).toEqual(glossary);
    for (const term of glossary) expect(glossaryTermSchema.parse(term)).toEqual(term);
  });

  it('slugs brackets and ü to plain ASCII', () => {
    const glossary = buildGlossary([record('d/x/2026', '戊中心', 2026, [['因公出国（境）费', '出国。'], ['绿化费', '绿化。']])]);
    expect(glossary.map((t) => t.slug)).toEqual(['lv-hua-fei', 'yin-gong-chu-guo-jing-fei']);
  });
});
