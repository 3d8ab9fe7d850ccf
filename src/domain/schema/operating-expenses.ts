import { z } from 'astro/zod';
import { changeSchema } from './change.ts';

/** 机关运行经费. */
export const operatingExpensesSchema = z.object({
  /** Amount in 元, or null when not in scope / not stated. */
  amount: z.number().int().nullable(),
  /** True when the unit states it is not in the statistical scope (我单位不在机关运行经费统计范围之内). */
  notInScope: z.boolean(),
  /** Change vs the previous year with the stated reason, or null. */
  change: changeSchema.nullable(),
  /** 主要用于… as written, or null. */
  purpose: z.string().nullable(),
  /** The paragraph as written. */
  text: z.string(),
  /** 1-based source line of the paragraph. */
  line: z.number().int().positive(),
});
export type OperatingExpenses = z.infer<typeof operatingExpensesSchema>;
