/** section.order: the top-level sections come in the usual order (单位基本情况 … 专业性名词解释, 公开报表). */
import { CANONICAL, NAMES, quote, structureExample, topLevelWithContent, type StructureFinding, type StructureInput } from './structure.ts';
import type { ParsedSection } from '../stages/sections.ts';
import type { Check } from './types.ts';

const document = (...sections: string[]) => structureExample(['重庆市开州区示例档案馆', '', ...sections.flatMap((s) => [s, '本节的说明文字。'])].join('\n'));

export const sectionOrder: Check<StructureInput, StructureFinding> = {
  codes: ['section.order'],
  description: 'The top-level sections come in the order of the disclosure template (table captions aside).',
  run: ({ sections }) => {
    const out: StructureFinding[] = [];
    let last = -1;
    let lastSection: ParsedSection | null = null;
    for (const s of topLevelWithContent(sections)) {
      const idx = (CANONICAL as readonly string[]).indexOf(s.kind);
      if (idx < 0 || /表$/.test(s.title)) continue;
      if (idx < last && lastSection) {
        out.push({
          severity: 'warning', code: 'section.order', message: `${quote(s.title)}出现在${quote(lastSection.title)}之后，通常应在其前`, line: s.line,
          diagnostic: { kind: 'section-order', line: s.line, message: `${quote(s.title)}出现在${quote(lastSection.title)}之后；预期顺序为${CANONICAL.map((k) => NAMES[k]).join('、')}` },
        });
      }
      if (idx > last) { last = idx; lastSection = s; }
    }
    return out;
  },
  pass: [
    { name: 'the usual order', input: document('一、单位基本情况', '二、部门收支总体情况', '三、部门预算情况说明', '四、“三公”经费情况说明') },
    { name: 'a section left out', input: document('一、单位基本情况', '二、“三公”经费情况说明') },
  ],
  fail: [{
    name: '“三公” before the 预算情况说明',
    input: document('一、单位基本情况', '二、部门收支总体情况', '三、“三公”经费情况说明', '四、部门预算情况说明'),
    findings: [{
      severity: 'warning', code: 'section.order', message: '“部门预算情况说明”出现在“三公”经费情况说明之后，通常应在其前', line: 9,
      diagnostic: { kind: 'section-order', line: 9, message: '“部门预算情况说明”出现在“三公”经费情况说明之后；预期顺序为单位基本情况、收支总体情况、预算情况说明、“三公”经费情况说明、其他重要事项的情况说明、专业性名词解释、公开报表' },
    }],
  }],
};
