import { z } from 'astro/zod';
import { procurementPartsSchema } from './procurement-parts.ts';

/** 政府采购: the whole budget's parts, plus the part funded by 一般公共预算拨款. */
export const procurementSchema = z.object({
  ...procurementPartsSchema.shape,
  /** The part funded by 一般公共预算拨款 (其中一般公共预算拨款政府采购…), or null when not stated. */
  generalBudget: procurementPartsSchema.nullable(),
  /** The paragraph as written. */
  text: z.string(),
  /** 1-based source line of the paragraph. */
  line: z.number().int().positive(),
});
export type Procurement = z.infer<typeof procurementSchema>;
