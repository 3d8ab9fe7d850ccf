import { z } from 'astro/zod';

/** Proof that nothing was lost: every non-blank line is used by a field or listed here. */
export const coverageSchema = z.object({
  /** Number of lines in the source text. */
  lines: z.number().int().nonnegative(),
  /** Non-blank lines no field used; published on the page as 未识别内容. */
  unrecognised: z.array(z.object({
    /** 1-based source line. */
    line: z.number().int().positive(),
    /** The line as written (normalised). */
    text: z.string(),
  })),
});
export type Coverage = z.infer<typeof coverageSchema>;
