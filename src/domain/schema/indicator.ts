import { z } from 'astro/zod';

/** One indicator row of a 项目绩效目标表. */
export const indicatorSchema = z.object({
  /** 一级指标 (产出指标, 效益指标, 满意度指标…). */
  level1: z.string(),
  /** 二级指标 (数量指标, 质量指标…). */
  level2: z.string(),
  /** 三级指标: what is measured. */
  level3: z.string(),
  /** 指标性质 (＝, ≥, ≤, 定性…). */
  nature: z.string(),
  /** 指标值 as written. */
  value: z.string(),
  /** 度量单位. */
  unit: z.string(),
  /** 权重 (%), or null. */
  weight: z.number().nullable(),
  /** 1-based source line. */
  line: z.number().int().positive(),
});
export type Indicator = z.infer<typeof indicatorSchema>;
