import { z } from 'astro/zod';

/** One labelled amount from the narrative, with its source line. */
export const lineAmountSchema = z.object({
  /** Identifier from TERMS.md (generalBudget, otherIncome…) or, for function classes, null. */
  key: z.string().nullable(),
  /** Label as written (一般公共预算拨款, 卫生健康支出…). */
  label: z.string(),
  /** Amount in 元. */
  amount: z.number().int(),
  /** 上年结转 stated right after this source, in 元, or null; absent for function classes. */
  carriedForward: z.number().int().nullable().optional(),
  /** 1-based source line of the paragraph that states the amount. */
  line: z.number().int().positive(),
});
export type LineAmount = z.infer<typeof lineAmountSchema>;
