import { z } from 'astro/zod';
import { changeSchema } from './change.ts';
import { spendingPartSchema } from './spending-part.ts';
import { basicBreakdownSchema } from './basic-breakdown.ts';

/** 一般公共预算财政拨款 explanation (部门预算情况说明). */
export const generalBudgetAppropriationSchema = z.object({
  /** 一般公共预算财政拨款收入 in 元, or null when not stated. */
  income: z.number().int().nullable(),
  /** 一般公共预算财政拨款支出 in 元, or null when not stated. */
  expenditure: z.number().int().nullable(),
  /** Change vs the previous year, with the stated reason, or null. */
  change: changeSchema.nullable(),
  /** 基本支出 with its change, reason and purpose. */
  basic: spendingPartSchema,
  /** 项目支出 with its change, reason and purpose. */
  project: spendingPartSchema,
  /** 人员经费 / 公用经费 of 基本支出, when the document gives them; else null. */
  basicBreakdown: basicBreakdownSchema.nullable(),
  /** 1-based source line of the explanation, or null when the document has none. */
  line: z.number().int().positive().nullable(),
});
export type GeneralBudgetAppropriation = z.infer<typeof generalBudgetAppropriationSchema>;
