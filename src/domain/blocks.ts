/**
 * Which page blocks a record holds something for: the one answer to "has it income? spending by function?
 * 三公?" that the page, its table of contents, the narrative tables and the downloads all use.
 */
import { blocks, type Block } from './schema/block-sections.ts';
import type { UnitYearRecord } from './schema/record.ts';

type R = UnitYearRecord;

/** Whether the record holds something to show for each block, reading only the fields that block needs. */
const HAS = {
  duties: (r: Pick<R, 'duties'>) => r.duties.some((d) => d.items.length > 0),
  structure: (r: Pick<R, 'structure'>) => r.structure.text.length > 0 || r.structure.subordinateUnits.length > 0,
  income: (r: Pick<R, 'income'>) => r.income.total !== null || r.income.sources.length > 0,
  function: (r: Pick<R, 'expenditure'>) => r.expenditure.total !== null || r.expenditure.byFunction.length > 0,
  spending: (r: Pick<R, 'generalBudgetAppropriation'>) =>
    r.generalBudgetAppropriation.basic.amount !== null || r.generalBudgetAppropriation.project.amount !== null,
  threePublic: (r: Pick<R, 'threePublic'>) => r.threePublic.total.amount !== null,
  operatingExpenses: (r: Pick<R, 'operatingExpenses'>) => r.operatingExpenses !== null,
  procurement: (r: Pick<R, 'procurement'>) => r.procurement !== null,
  performance: (r: Pick<R, 'performance' | 'performanceTargets'>) => r.performance !== null || r.performanceTargets.length > 0,
  assets: (r: Pick<R, 'assets'>) => r.assets !== null,
  glossary: (r: Pick<R, 'glossary'>) => r.glossary.length > 0,
  tables: (r: { tables: readonly unknown[] }) => r.tables.length > 0,
} satisfies Record<Block, (r: never) => boolean>;

/** Whether the record holds something to show for `block` (a summary will do for the blocks whose fields it keeps). */
export function hasBlock<B extends Block>(record: Parameters<(typeof HAS)[B]>[0], block: B): boolean {
  return (HAS[block] as (r: typeof record) => boolean)(record);
}

/** The fields of a record that say which blocks it holds. */
export type BlockFields = Pick<R,
  'duties' | 'structure' | 'income' | 'expenditure' | 'generalBudgetAppropriation' | 'threePublic' | 'operatingExpenses'
  | 'procurement' | 'performance' | 'performanceTargets' | 'assets' | 'glossary' | 'tables'>;

/** Blocks for which the record holds something to show, in page order. */
export function presentBlocks(record: BlockFields): Block[] {
  return blocks.filter((b) => hasBlock(record, b));
}
