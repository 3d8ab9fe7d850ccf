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
  /**
   * Two statements of one figure that disagree (`table.text-disagrees`: the text and an attached table),
   * shown side by side on the page with both source lines, and which of them the page's figures use.
   */
  disagreement: z.object({
    /** The key figure (`threePublic.total`). */
    figure: z.string(),
    statements: z.array(z.object({
      /** Where it is stated: 正文, or 表「…」「row label」. */
      where: z.string(),
      /** The amount as stated, with its unit (877.50万元, 8,675,000.00元). */
      printed: z.string(),
      /** 1-based source line, or null when unknown. */
      line: z.number().int().positive().nullable(),
    })),
    /** Index in `statements` of the one the page's figures use, or null when neither is published. */
    published: z.number().int().nonnegative().nullable(),
  }).optional(),
});
export type Finding = z.infer<typeof findingSchema>;
