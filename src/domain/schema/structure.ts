import { z } from 'astro/zod';
import { subordinateUnitSchema } from './subordinate-unit.ts';

/** 单位构成 / 机构设置. */
export const structureSchema = z.object({
  /** Paragraphs of the section as written. */
  text: z.array(z.object({
    /** The paragraph as written, with its number. */
    text: z.string(),
    /** 1-based source line. */
    line: z.number().int().positive(),
  })),
  /** 内设机构 names (科室). */
  internalDivisions: z.array(z.string()),
  /** Subordinate units with their details. */
  subordinateUnits: z.array(subordinateUnitSchema),
});
export type Structure = z.infer<typeof structureSchema>;
