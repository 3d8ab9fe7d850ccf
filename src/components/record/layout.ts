/**
 * How the document's outline becomes the page: heading levels, where each structured block (tables of
 * figures, duties, glossary…) appears, and which paragraphs a block already shows.
 */
import type { Section } from '../../domain/schema/section.ts';
import type { UnitYearRecord } from '../../domain/schema/record.ts';
import type { Block } from '../../domain/schema/block-sections.ts';
import { presentBlocks } from '../../domain/blocks.ts';

type Paragraph = Section['paragraphs'][number];

/**
 * Section kinds each block belongs under, best first: where a record written before `blockSections` existed
 * (old content) gets its blocks placed. A record that says where each block came from is placed by that.
 */
const HOSTS: Record<Block, Section['kind'][]> = {
  duties: ['duties', 'basicInfo'],
  structure: ['structure', 'basicInfo'],
  income: ['income', 'overview'],
  function: ['expenditure', 'overview'],
  spending: ['budgetExplanation', 'overview'],
  threePublic: ['threePublic'],
  operatingExpenses: ['operatingExpenses', 'otherMatters'],
  procurement: ['procurement', 'otherMatters'],
  performance: ['performance', 'otherMatters'],
  assets: ['assets', 'otherMatters'],
  glossary: ['glossary'],
  tables: ['tables'],
};

/** Heading of a block shown after the document because no section of the document fits it. */
export const BLOCK_TITLE: Record<Block, string> = {
  duties: '职能职责', structure: '单位构成', income: '收入预算', function: '支出预算（按功能分类）',
  spending: '基本支出与项目支出', threePublic: '“三公”经费', operatingExpenses: '机关运行经费',
  procurement: '政府采购', performance: '绩效目标', assets: '国有资产占有使用情况', glossary: '专业性名词解释',
  tables: '附表',
};

/**
 * Where each block goes: after the paragraphs of the section it was read from (`record.blockSections`), else
 * after the document. A record without `blockSections` (written before it existed) places a block under the
 * first section of a fitting kind (HOSTS).
 */
export function placeBlocks(record: Pick<UnitYearRecord, 'sections' | 'blockSections'>, blocks: readonly Block[]): {
  bySection: Map<string, Block[]>;
  unplaced: Block[];
} {
  const { sections, blockSections } = record;
  const bySection = new Map<string, Block[]>();
  const unplaced: Block[] = [];
  for (const block of blocks) {
    const host = blockSections
      ? sections.find((s) => s.id === blockSections[block])
      : HOSTS[block].map((kind) => sections.find((s) => s.kind === kind)).find((s) => s !== undefined);
    if (!host) { unplaced.push(block); continue; }
    bySection.set(host.id, [...(bySection.get(host.id) ?? []), block]);
  }
  return { bySection, unplaced };
}

/**
 * `#id` of the heading under which the page shows a block (the host section's heading, or the heading the
 * page gives a block no section fits), or null when the page does not show it.
 */
export function blockHref(record: UnitYearRecord, block: Block): string | null {
  const { bySection, unplaced } = placeBlocks(record, presentBlocks(record));
  if (unplaced.includes(block)) return `#block-${block}`;
  const host = [...bySection].find(([, blocks]) => blocks.includes(block))?.[0];
  return host && pageSections(record, bySection).some((p) => p.section.id === host) ? `#${host}` : null;
}

/** Paragraphs a block shows itself (as a list or definitions), so the section does not repeat them. */
export function shownByBlock(record: UnitYearRecord, block: Block): (p: Paragraph) => boolean {
  const lines = (list: Array<{ line: number }>) => {
    const set = new Set(list.map((x) => x.line));
    return (p: Paragraph) => set.has(p.line);
  };
  switch (block) {
    case 'duties': {
      const items = lines(record.duties.flatMap((d) => d.items));
      const intros = new Set(record.duties.map((d) => d.intro?.trim()).filter(Boolean));
      return (p) => items(p) || intros.has(p.text.trim());
    }
    case 'structure': return lines(record.structure.text);
    case 'glossary': return lines(record.glossary);
    default: return () => false;
  }
}

/**
 * The preamble's paragraphs that are not the identity block the page header already shows (the unit
 * name, the title, the 文号/签发人 line).
 */
export function preambleParagraphs(record: UnitYearRecord): Paragraph[] {
  const { unit, title, documentNumber } = record.identity;
  return record.sections.filter((s) => s.kind === 'preamble').flatMap((s) => s.paragraphs).filter((p) => {
    const t = p.text.trim();
    return t !== unit && t !== title && !(documentNumber && t.includes(documentNumber)) && !/^签发人/.test(t);
  });
}

/** A section as the page shows it. */
export interface PageSection {
  section: Section;
  /** h2…h4; the page's h1 is the record title. */
  level: 2 | 3 | 4;
  /** Paragraphs not already shown by a block. */
  paragraphs: Paragraph[];
  blocks: Block[];
}

/**
 * The sections to render, in document order, with heading levels that never skip a level (一、 → h2,
 * （一） → h3, deeper → h4; parts 第一部分 → h2). The preamble (no heading) is left out: the page header
 * shows it. A sub-section whose every paragraph a block of an enclosing section already shows is left out;
 * the contact line is left out of its section (the page shows it under 联系方式).
 */
export function pageSections(record: UnitYearRecord, bySection: Map<string, Block[]>): PageSection[] {
  const tests = [...bySection.values()].flat().map((b) => shownByBlock(record, b));
  // The contact line is shown by the page's 联系方式 (it would otherwise sit under whatever heading precedes it).
  const contactLine = record.contact.line;
  const shown = (p: Paragraph) => p.line === contactLine || tests.some((t) => t(p));
  const out: PageSection[] = [];
  const stack: Array<{ depth: number; hostsBlock: boolean }> = [];
  let prevLevel = 1;
  for (const section of record.sections) {
    if (section.kind === 'preamble' || section.title.trim() === '') continue;
    while (stack.length && stack[stack.length - 1]!.depth >= section.depth) stack.pop();
    const blocks = bySection.get(section.id) ?? [];
    const paragraphs = section.paragraphs.filter((p) => !shown(p));
    const insideHost = stack.some((s) => s.hostsBlock);
    stack.push({ depth: section.depth, hostsBlock: blocks.length > 0 });
    if (insideHost && blocks.length === 0 && paragraphs.length === 0 && section.paragraphs.length > 0) continue;
    const wanted = section.depth <= 1 ? 2 : section.depth === 2 ? 3 : 4;
    const level = Math.min(wanted, prevLevel + 1) as 2 | 3 | 4;
    prevLevel = level;
    out.push({ section, level, paragraphs, blocks });
  }
  return out;
}

/**
 * The attached table a paragraph of the 附表 list names ("1.2026年…财政拨款收支总表", "附表：1.…"), or
 * null: the list's items link to the tables.
 */
export function listedTable(record: UnitYearRecord, text: string): UnitYearRecord['tables'][number] | null {
  const title = text.trim().replace(/^附表[:：]?\s*/, '').replace(/^[（(]?\d+[)）.、．]\s*/, '').replace(/[。；;]$/, '').trim();
  if (title === '') return null;
  return record.tables.find((t) => t.title.trim() === title) ?? null;
}
