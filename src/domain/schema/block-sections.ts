import { z } from 'astro/zod';

/**
 * Structured views of a record shown beside the document's text (page blocks), in page order: duties, unit
 * structure, income by source, spending by function class, 基本/项目 spending, “三公”经费, 机关运行经费,
 * 政府采购, 绩效目标, 国有资产, glossary, attached tables.
 */
export const blocks = [
  'duties', 'structure', 'income', 'function', 'spending', 'threePublic', 'operatingExpenses',
  'procurement', 'performance', 'assets', 'glossary', 'tables',
] as const;
export type Block = (typeof blocks)[number];

/**
 * The section of the document each block was read from: block → section id (`s7`, as `Section.id`). The
 * ingest fills it from the source lines the extractors actually used (the innermost section holding all of a
 * block's lines). A block the record holds but that is absent here was read from no heading of the document
 * (tables of a separate file, figures found outside any section): the page shows it after the document.
 * Absent altogether in records written before the field existed.
 */
export const blockSectionsSchema = z.partialRecord(z.enum(blocks), z.string());
export type BlockSections = z.infer<typeof blockSectionsSchema>;
