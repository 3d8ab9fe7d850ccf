import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixtureContentDir } from '../../../tests/fixtures.ts';
import { plainDefinition, plainTerms } from '../plain-definitions.ts';
import type { GlossaryTerm } from '../schema/glossary-term.ts';

describe('the site dictionary (本站解释)', () => {
  test('explains every term the fixture disclosures define or print in their tables', async () => {
    const glossary = JSON.parse(readFileSync(join(await fixtureContentDir(), 'glossary.json'), 'utf8')) as GlossaryTerm[];
    expect(glossary.length).toBeGreaterThan(40);
    const missing = glossary.filter((t) => plainDefinition(t.term) === null).map((t) => t.term);
    expect(missing).toEqual([]);
  });

  test('finds a term however the documents spell it (quotes, full-width brackets)', () => {
    expect(plainDefinition('“三公”经费')).toBe(plainDefinition('三公经费'));
    expect(plainDefinition('维修（护）费')).toBe(plainDefinition('维修(护)费'));
    expect(plainDefinition('不存在的名词')).toBeNull();
  });

  test('covers the function classes, income sources, 机关运行经费, 政府采购 and the 三公 items, once each', () => {
    const keys = plainTerms().map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const term of ['一般公共服务支出', '社会保障和就业支出', '卫生健康支出', '住房保障支出', '教育支出', '一般公共预算拨款',
      '政府性基金预算拨款', '事业收入', '基本支出', '项目支出', '机关运行经费', '政府采购', '因公出国（境）费', '公务接待费',
      '公务用车购置费', '公务用车运行维护费']) {
      expect(plainDefinition(term), term).not.toBeNull();
    }
  });
});
