import { z } from 'astro/zod';
import { changeSchema } from './change.ts';

/** One “三公” item or total. */
export const threePublicItemSchema = z.object({
  /** Amount in 元, or null when neither stated nor inferable. */
  amount: z.number().int().nullable(),
  /** Change vs the previous year with the stated reason, or null (always null when `inferred`). */
  change: changeSchema.nullable(),
  /** True when the amount was not printed legibly but follows from the total and the other items. */
  inferred: z.boolean(),
  /** 1-based source line of the amount (of the total when inferred), or null when not stated. */
  line: z.number().int().positive().nullable(),
});
export type ThreePublicItem = z.infer<typeof threePublicItemSchema>;
