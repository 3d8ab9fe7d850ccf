import { z } from 'astro/zod';

/** Numbers of official vehicles (公务用车), held or planned for purchase. */
export const vehicleCountsSchema = z.object({
  /** Vehicles in all (共有/现有…N辆, or 购置N辆 when planned); 0 for 无车辆; null when not stated. */
  total: z.number().int().nullable(),
  /** Per type (一般公务用车, 执勤执法用车…), in document order. */
  byType: z.array(z.object({
    /** Vehicle type as written, ending in 用车. */
    type: z.string(),
    /** Number of vehicles of that type. */
    count: z.number().int(),
  })),
});
export type VehicleCounts = z.infer<typeof vehicleCountsSchema>;
