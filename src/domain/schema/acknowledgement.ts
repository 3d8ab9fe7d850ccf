import { z } from 'astro/zod';

/** A finding the unit has acknowledged, with its explanation (shown beside the finding). */
export const acknowledgementSchema = z.object({
  /** Finding code, e.g. `change.impossible-year`. */
  code: z.string().min(1),
  /** The unit's explanation, shown next to the finding. */
  explanation: z.string().min(1),
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;
