import { z } from 'astro/zod';
import { changeSchema } from './change.ts';

/** 政府性基金预算 statement. */
export const governmentFundSchema = z.object({
  /** 政府性基金预算收入 in 元; 0 when unstated but `none`; null when unstated otherwise. */
  income: z.number().int().nullable(),
  /** 政府性基金预算支出 in 元; 0 when unstated but `none`; null when unstated otherwise. */
  expenditure: z.number().int().nullable(),
  /** Change vs the previous year (较2025年无增加 → 0), or null when none is stated. */
  change: changeSchema.nullable(),
  /** True when the document says it has no such spending (无使用政府性基金预算拨款安排的支出). */
  none: z.boolean(),
  /** The paragraph as written. */
  text: z.string(),
  /** 1-based source line of the paragraph. */
  line: z.number().int().positive(),
});
export type GovernmentFund = z.infer<typeof governmentFundSchema>;
