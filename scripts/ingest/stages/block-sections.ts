/**
 * Which section each page block was read from (record.blockSections): the innermost section holding every
 * source line the block's extractor used, so the page shows the block where the document states it instead
 * of guessing from section kinds. Runs after extract and tables, on the structured fields they return.
 */
import { presentBlocks, type BlockFields } from '../../../src/domain/blocks.ts';
import type { Block, BlockSections } from '../../../src/domain/schema/block-sections.ts';
import type { ParsedSection } from './sections.ts';

type Lines = (r: BlockFields) => Array<number | null | undefined>;

/** The source lines each block shows figures or text from (the paragraphs and tables its extractor used). */
const BLOCK_LINES: Record<Block, Lines> = {
  duties: (r) => r.duties.flatMap((d) => d.items.map((i) => i.line)),
  structure: (r) => r.structure.text.map((t) => t.line),
  income: (r) => [r.income.line],
  function: (r) => [r.expenditure.line],
  spending: ({ generalBudgetAppropriation: g }) => [g.basic.amount === null ? null : g.basic.line, g.project.amount === null ? null : g.project.line],
  // An inferred item was computed, not read: its line is the total's.
  threePublic: ({ threePublic: t }) => Object.values(t).filter((i) => i.amount !== null && !i.inferred).map((i) => i.line),
  operatingExpenses: (r) => [r.operatingExpenses?.line],
  procurement: (r) => [r.procurement?.line],
  // The 绩效目标 paragraph; the target forms (attached tables) only when the text states nothing.
  performance: (r) => (r.performance ? [r.performance.line] : r.performanceTargets.map((t) => t.line)),
  assets: (r) => [r.assets?.line],
  glossary: (r) => r.glossary.map((g) => g.line),
  tables: (r) => r.tables.map((t) => t.startLine),
};

/**
 * block → id of the section it was read from, for every block the record holds: the innermost section the page
 * shows that holds all the block's lines. When no shown section holds them all (a table of contents misread as
 * duties, lines under two parts), the branch holding most of them (the first on a tie), and so on down. A
 * block read only before the first heading is left out: the page then shows it after the document.
 */
export function blockSectionsOf(fields: BlockFields, sections: readonly ParsedSection[]): BlockSections {
  const out: BlockSections = {};
  for (const block of presentBlocks(fields)) {
    const chains = BLOCK_LINES[block](fields)
      .filter((n): n is number => typeof n === 'number')
      .map((n) => enclosing(sections, holding(sections, n)));
    const host = hostOf(sections, chains);
    if (host !== null) out[block] = sections[host]!.id;
  }
  return out;
}

/** Index of the section a line belongs to: the last one whose heading is at or above it (-1 before any). */
function holding(sections: readonly ParsedSection[], line: number): number {
  let found = -1;
  for (let i = 0; i < sections.length && sections[i]!.line <= line; i++) found = i;
  return found;
}

/** A section and the sections enclosing it, outermost first (empty for -1). */
function enclosing(sections: readonly ParsedSection[], i: number): number[] {
  const out: number[] = [];
  for (let s = i; s >= 0; s = sections[s]!.parent) out.unshift(s);
  return out;
}

/** The innermost shown section on every chain, else within the branch most chains go down (see blockSectionsOf). */
function hostOf(sections: readonly ParsedSection[], chains: number[][]): number | null {
  if (chains.length === 0) return null;
  const first = chains[0]!;
  let shared = 0;
  while (shared < first.length && chains.every((c) => c[shared] === first[shared])) shared++;
  const shown = (i: number) => sections[i]!.kind !== 'preamble' && sections[i]!.title.trim() !== '';
  const host = first.slice(0, shared).findLast(shown);
  if (host !== undefined) return host;
  // The branches below the shared sections, by the section each chain goes down to (none: it ends there).
  const branches = new Map<number | undefined, number[][]>();
  for (const c of chains) branches.set(c[shared], [...(branches.get(c[shared]) ?? []), c]);
  const [branch, most] = [...branches].reduce((best, b) => (b[1].length > best[1].length ? b : best));
  return branch === undefined || most.length === chains.length ? null : hostOf(sections, most);
}
