/**
 * What the structure checks read: the document's lines and its outline. A structure check also says
 * what `npm run ingest` prints about the file (`diagnostic`: kind, line, message), since an official fixes
 * the document from that line. `structureExample` builds the input from a document's text, as the ingest does.
 */
import { toLines, type Line } from '../stages/normalize.ts';
import { buildSections, type ParsedSection } from '../stages/sections.ts';
import type { DiagnosticKind } from '../errors.ts';
import type { CodedFinding } from './types.ts';

export interface StructureInput {
  lines: Line[];
  sections: ParsedSection[];
}

/** A structure finding, with the diagnostic printed for it (without the file). */
export type StructureFinding = CodedFinding & { diagnostic: { kind: DiagnosticKind; line: number; message: string } };

/** The input for a document's text. */
export function structureExample(text: string): StructureInput {
  const lines = toLines(text);
  return { lines, sections: buildSections(lines).sections };
}

/** The finding alone, as the record holds it. */
export const withoutDiagnostic = ({ diagnostic: _d, ...finding }: StructureFinding): CodedFinding => finding;

/** The order sections usually come in (a subset may be present). */
export const CANONICAL = ['basicInfo', 'overview', 'budgetExplanation', 'threePublic', 'otherMatters', 'glossary', 'tables'] as const;

/** Names of section kinds in messages. */
export const NAMES: Readonly<Record<string, string>> = {
  basicInfo: '单位基本情况', overview: '收支总体情况', budgetExplanation: '预算情况说明', threePublic: '“三公”经费情况说明',
  otherMatters: '其他重要事项的情况说明', glossary: '专业性名词解释', tables: '公开报表',
  income: '收入预算', expenditure: '支出预算',
};

/** “name”, unless the name already holds quotes (“三公”经费情况说明). */
export const quote = (name: string): string => (name.includes('“') ? name : `“${name}”`);

/** A paragraph that is only a page number, dotted leader or rule ("— 3 —", "…………"). */
export const FILLER = /^[\s.…·•\-—_－―\d]*$/;

/** Per section: does it (or one of its sub-sections) hold a paragraph with real text? */
export function contentOf(sections: ParsedSection[]): boolean[] {
  const has = sections.map((s) => s.paras.some((p) => !FILLER.test(p.text)));
  // Sub-sections come after their parent, so one backward pass carries content upwards.
  for (let i = sections.length - 1; i > 0; i--) {
    const parent = sections[i]!.parent;
    if (has[i] && parent >= 0) has[parent] = true;
  }
  return has;
}

/** Top-level sections with content (table-of-contents entries name sections without content). */
export const topLevelWithContent = (sections: ParsedSection[], content = contentOf(sections)): ParsedSection[] =>
  sections.filter((s, i) => s.depth === 1 && content[i]);
