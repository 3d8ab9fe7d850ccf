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
  /** The official publication this seed was taken from (the unit's own web page or file), shown as 官方发布原文. */
  sourceUrl: z.url({ protocol: /^https?$/, error: '应为 http:// 或 https:// 开头的网址' }).optional(),
  /**
   * Re-issue: the seed file (as named in seeds/, e.g. `003_a07d….txt`) of the published disclosure of the
   * same unit-year that this one corrects. Absent for an original disclosure. A draft of a unit-year that
   * has exactly one other, published, seed corrects that one without saying so.
   */
  replaces: z.string().min(1).optional(),
});
export type Sidecar = z.infer<typeof sidecarSchema>;
