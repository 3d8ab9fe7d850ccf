import { z } from 'astro/zod';
import { changeSchema } from './change.ts';
import { lineAmountSchema } from './line-amount.ts';

/** 收入预算: the narrative paragraph on the year's income. */
export const incomeSchema = z.object({
  /** 年初预算数 total in 元, or null when the document states none. */
  total: z.number().int().nullable(),
  /** 上年结转 stated right after the total (年初预算数609.35万元，上年结转0万元), in 元, or null. */
  carriedForward: z.number().int().nullable(),
  /** Each source in document order. */
  sources: z.array(lineAmountSchema),
  /** Change vs the previous year with the stated reason, or null when none is stated. */
  change: changeSchema.nullable(),
  /** 1-based source line of the 收入预算 paragraph, or null when the document has none. */
  line: z.number().int().positive().nullable(),
});
export type Income = z.infer<typeof incomeSchema>;
