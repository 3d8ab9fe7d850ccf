import { z } from 'astro/zod';
import { changeSchema } from './change.ts';

/** 基本支出 or 项目支出 as explained in the narrative. */
export const spendingPartSchema = z.object({
  /** Amount in 元, or null when the paragraph does not state it. */
  amount: z.number().int().nullable(),
  /** Change vs the previous year with the stated reason (主要原因是…), or null. */
  change: changeSchema.nullable(),
  /** 主要用于… as written, or null. */
  purpose: z.string().nullable(),
  /** 1-based source line of the explaining paragraph, or null when the document has none. */
  line: z.number().int().positive().nullable(),
});
export type SpendingPart = z.infer<typeof spendingPartSchema>;
