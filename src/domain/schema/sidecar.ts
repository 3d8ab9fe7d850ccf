import { z } from 'astro/zod';
import { acknowledgementSchema } from './acknowledgement.ts';
import { correctionSchema } from './correction.ts';

/**
 * The sidecar `<seed>.meta.yml` beside a seed file. All fields optional; unknown fields are errors so that
 * a typo (`stauts:`) never silently publishes a draft.
 */
export const sidecarSchema = z.strictObject({
  /** `draft` is shown only in preview; `published` (default) goes to the production build. */
  status: z.enum(['draft', 'published']).default('published'),
  /** Embargo: not in a production build before this date (YYYY-MM-DD, Asia/Shanghai). */
  publishAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').nullable().default(null),
  /** Findings acknowledged by code with the unit's explanation. */
  acknowledgements: z.array(acknowledgementSchema).default([]),
  /** Corrections (更正说明) with their dates. */
  corrections: z.array(correctionSchema).default([]),
});
export type Sidecar = z.infer<typeof sidecarSchema>;
