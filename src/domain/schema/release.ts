import { z } from 'astro/zod';

/** A finding the unit has acknowledged, with its explanation (shown beside the finding). */
export const acknowledgementSchema = z.object({
  /** Finding code, e.g. `change.impossible-year`. */
  code: z.string().min(1),
  /** The unit's explanation, shown next to the finding. */
  explanation: z.string().min(1),
});

/** A correction notice (更正说明) of a re-issued disclosure. */
export const correctionSchema = z.object({
  /** Date of the correction, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  /** What was corrected, as the unit words it. */
  note: z.string().min(1),
});

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

/** Release state of a record, taken from its sidecar. */
export const releaseSchema = sidecarSchema;
export type Release = Sidecar;
