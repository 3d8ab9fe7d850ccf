import { z } from 'astro/zod';
import { vehicleCountsSchema } from './vehicle-counts.ts';

/** 国有资产占有使用情况. */
export const assetsSchema = z.object({
  /** Reference date as written (截至2025年12月) normalised to YYYY-MM, or null. */
  referenceDate: z.string().nullable(),
  /** Vehicles held at the reference date. */
  vehicles: vehicleCountsSchema,
  /** Planned purchases in the budget year (安排购置车辆…), or null when the paragraph mentions none. */
  plannedPurchases: vehicleCountsSchema.nullable(),
  /** The paragraph as written. */
  text: z.string(),
  /** 1-based source line of the paragraph. */
  line: z.number().int().positive(),
});
export type Assets = z.infer<typeof assetsSchema>;
