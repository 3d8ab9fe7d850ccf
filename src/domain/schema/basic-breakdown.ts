import { z } from 'astro/zod';

/** 基本支出 split into 人员经费 and 日常公用经费 (一般公共预算基本支出情况). */
export const basicBreakdownSchema = z.object({
  /** 人员经费 in 元, or null when not stated. */
  personnelCosts: z.number().int().nullable(),
  /** 公用经费 / 日常公用经费 in 元, or null when not stated. */
  officeCosts: z.number().int().nullable(),
  /** 1-based source line of the sentence naming 人员经费 and 公用经费. */
  line: z.number().int().positive(),
});
export type BasicBreakdown = z.infer<typeof basicBreakdownSchema>;
