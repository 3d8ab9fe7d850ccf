import { z } from 'astro/zod';

/** 绩效目标设置情况. */
export const performanceSchema = z.object({
  /** Amount of 财政拨款 covered by performance targets (the paragraph's first amount), in 元, or null. */
  coverageAmount: z.number().int().nullable(),
  /** The paragraph as written. */
  text: z.string(),
  /** 1-based source line of the paragraph. */
  line: z.number().int().positive(),
});
export type Performance = z.infer<typeof performanceSchema>;
