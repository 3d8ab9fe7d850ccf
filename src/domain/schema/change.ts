import { z } from 'astro/zod';

/** A stated comparison with the previous year (比上年增加/减少/持平). */
export const changeSchema = z.object({
  /** Signed change in 元; 0 for 持平/保持一致/无增加; null when the direction is stated but no amount. */
  amount: z.number().int().nullable(),
  /** The year compared with, as written ("比2025年" → 2025); null for 比上年/较去年 (taken as year − 1). */
  comparedYear: z.number().int().nullable(),
  /** The stated reason (主要原因是…), as written. */
  reason: z.string().nullable(),
  /** 1-based source line of the statement. */
  line: z.number().int().positive(),
});
export type Change = z.infer<typeof changeSchema>;
