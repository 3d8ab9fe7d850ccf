import { z } from 'astro/zod';

/** One result of a data check on a record (数据核对发现). */
export const findingSchema = z.object({
  /** `error`: the document contradicts itself; `warning`: probably wrong; `info`: worth knowing. */
  severity: z.enum(['error', 'warning', 'info']),
  /** Stable machine code, e.g. `income.sources-sum`; acknowledgements in sidecars refer to it. */
  code: z.string(),
  /** Plain-Chinese explanation for readers and officials. */
  message: z.string(),
  /** 1-based source line the finding is about, or null when it concerns the document as a whole. */
  line: z.number().int().positive().nullable(),
});
export type Finding = z.infer<typeof findingSchema>;
