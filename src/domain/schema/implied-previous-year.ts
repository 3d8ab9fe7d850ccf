import { z } from 'astro/zod';

/**
 * Previous-year figures implied by this document's "比上年增加X" statements: each is this year's figure
 * minus its stated change, in 元, or null when the figure or an amount for its change is missing.
 */
export const impliedPreviousYearSchema = z.object({
  /** The year the statements compare with (the first stated 比YYYY年, else the budget year − 1). */
  year: z.number().int(),
  /** 收入预算 total. */
  incomeTotal: z.number().int().nullable(),
  /** 支出预算 total. */
  expenditureTotal: z.number().int().nullable(),
  /** 一般公共预算财政拨款支出. */
  generalBudget: z.number().int().nullable(),
  /** 基本支出 (of 一般公共预算财政拨款). */
  basicExpenditure: z.number().int().nullable(),
  /** 项目支出 (of 一般公共预算财政拨款). */
  projectExpenditure: z.number().int().nullable(),
  /** “三公”经费 total. */
  threePublic: z.number().int().nullable(),
});
export type ImpliedPreviousYear = z.infer<typeof impliedPreviousYearSchema>;
