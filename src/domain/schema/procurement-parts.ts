import { z } from 'astro/zod';

/** 政府采购 amounts: the total and its split into 货物, 工程 and 服务. */
export const procurementPartsSchema = z.object({
  /** 政府采购预算总额 in 元 (the first amount when unlabelled), or null when not stated. */
  total: z.number().int().nullable(),
  /** 政府采购货物预算 in 元, or null when not stated. */
  goods: z.number().int().nullable(),
  /** 政府采购工程预算 in 元, or null when not stated. */
  works: z.number().int().nullable(),
  /** 政府采购服务预算 in 元, or null when not stated. */
  services: z.number().int().nullable(),
});
export type ProcurementParts = z.infer<typeof procurementPartsSchema>;
