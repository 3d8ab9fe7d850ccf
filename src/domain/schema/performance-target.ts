import { z } from 'astro/zod';
import { indicatorSchema } from './indicator.ts';

/** A project's performance targets (项目绩效目标表). */
export const performanceTargetSchema = z.object({
  /** 项目名称. */
  project: z.string(),
  /** 项目总额 in 元, or null. */
  totalYuan: z.number().int().nullable(),
  /** 整体目标 text, or null. */
  objective: z.string().nullable(),
  /** Other labelled fields of the form (单位信息, 主管部门, 项目经办人…) as label → value. */
  fields: z.array(z.object({
    /** Label as written. */
    label: z.string(),
    /** Value as written. */
    value: z.string(),
    /** 1-based source line. */
    line: z.number().int().positive(),
  })),
  /** Indicator rows. */
  indicators: z.array(indicatorSchema),
  /** 1-based source line where the form starts. */
  line: z.number().int().positive(),
});
export type PerformanceTarget = z.infer<typeof performanceTargetSchema>;
