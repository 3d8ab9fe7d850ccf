import { z } from 'astro/zod';
import { changeSchema } from './change.ts';
import { lineAmountSchema } from './line-amount.ts';

/** 支出预算: the narrative paragraph on the year's spending. */
export const expenditureSchema = z.object({
  /** 年初预算数 total in 元, or null when the document states none. */
  total: z.number().int().nullable(),
  /** Function classes at 类 level in document order (label = class name, key = null, amount in 元). */
  byFunction: z.array(lineAmountSchema),
  /** Change of the total vs the previous year with the stated reason, or null. */
  change: changeSchema.nullable(),
  /** Change of 基本支出 as stated in the 支出预算 paragraph (主要是基本支出预算增加X万元); reason is null. */
  basicChange: changeSchema.nullable(),
  /** Change of 项目支出 as stated in the 支出预算 paragraph; reason is null. */
  projectChange: changeSchema.nullable(),
  /**
   * The spending split by kind as the document states it for the whole budget (江苏: 基本支出预算数为…,
   * 项目支出预算数为…, 单位预留机动经费预算数为…), in 元; absent when the document states none. When other
   * funds (其他资金, 财政专户) pay for part of the spending, these differ from 一般公共预算拨款's split.
   */
  byKind: z.object({
    basic: z.number().int().nullable(),
    project: z.number().int().nullable(),
    /** 单位预留机动经费: a third kind the Jiangsu documents have. */
    reserve: z.number().int().nullable(),
  }).optional(),
  /** 1-based source line of the 支出预算 paragraph, or null when the document has none. */
  line: z.number().int().positive().nullable(),
});
export type Expenditure = z.infer<typeof expenditureSchema>;
