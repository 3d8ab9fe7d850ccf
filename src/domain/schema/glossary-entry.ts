import { z } from 'astro/zod';

/** One term of a document's 专业性名词解释. */
export const glossaryEntrySchema = z.object({
  /** Term as written, e.g. “三公”经费. */
  term: z.string(),
  /** Definition as written. */
  definition: z.string(),
  /** 1-based source line. */
  line: z.number().int().positive(),
});
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
