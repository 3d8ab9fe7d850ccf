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
