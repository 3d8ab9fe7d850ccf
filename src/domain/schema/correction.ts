import { z } from 'astro/zod';

/** A correction notice (更正说明) of a re-issued disclosure. */
export const correctionSchema = z.object({
  /** Date of the correction, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  /** What was corrected, as the unit words it. */
  note: z.string().min(1),
});
export type Correction = z.infer<typeof correctionSchema>;
