import { z } from 'astro/zod';

/** One cell of an attached table. */
export const tableCellSchema = z.object({
  /** The cell as written (normalised whitespace). */
  text: z.string(),
  /** Numeric value in 分 when the cell is an amount in the table's unit; null otherwise. */
  fen: z.number().int().nullable(),
  /** 1-based source line of the cell. */
  line: z.number().int().positive(),
});
export type TableCell = z.infer<typeof tableCellSchema>;

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

/** An attached table (附表), e.g. 财政拨款收支总表. */
export const tableSchema = z.object({
  /** Stable id within the record, e.g. `t1`; used for anchors and CSV file names. */
  id: z.string(),
  /** Title as written, e.g. 2026年九龙坡区电子政务中心财政拨款收支总表. */
  title: z.string(),
  /** What kind of table the title says it is (收支总表, 项目绩效目标表, …), or `other`. */
  kind: z.string(),
  /** Unit of measure stated above the table (万元, 元), or null. */
  unitOfMeasure: z.string().nullable(),
  /** Header rows (multi-level headers keep one array per printed row). */
  header: z.array(z.array(z.string())),
  /** Body rows. */
  rows: z.array(tableRowSchema),
  /** Index of each column that holds amounts (right-aligned when shown). */
  numericColumns: z.array(z.number().int().nonnegative()),
  /** The document's note when the table is empty or annotated (e.g. 本单位无…), or null. */
  note: z.string().nullable(),
  /** First and last 1-based source line of the table. */
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
});
export type Table = z.infer<typeof tableSchema>;
