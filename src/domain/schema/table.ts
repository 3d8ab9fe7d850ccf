import { z } from 'astro/zod';
import { tableRowSchema } from './table-row.ts';

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
  /** First 1-based source line of the table, its title and the lines printed above it included. */
  startLine: z.number().int().positive(),
  /** Last 1-based source line of the table. */
  endLine: z.number().int().positive(),
});
export type Table = z.infer<typeof tableSchema>;
