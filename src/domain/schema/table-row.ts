import { z } from 'astro/zod';
import { tableCellSchema } from './table-cell.ts';

/** One body row of an attached table. */
export const tableRowSchema = z.object({
  /** Cells in column order; short rows are padded with empty cells. */
  cells: z.array(tableCellSchema),
  /** 科目编码 in this row (3/5/7 digits for 功能分类, 3/5 for 经济分类), or null. */
  code: z.string().nullable(),
  /** Level of `code`: 类/款/项 for function classes, 类/款 for economic classes. */
  level: z.enum(['class', 'section', 'item']).nullable(),
  /** Code of the parent row (类 of a 款, 款 of a 项), or null. */
  parentCode: z.string().nullable(),
  /** True for a 合计/总计 row. */
  total: z.boolean(),
  /** 1-based source line where the row starts. */
  line: z.number().int().positive(),
});
export type TableRow = z.infer<typeof tableRowSchema>;
