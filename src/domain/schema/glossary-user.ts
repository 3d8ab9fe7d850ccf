import { z } from 'astro/zod';

/** A unit-year that uses a glossary term or one of its definitions. */
export const glossaryUserSchema = z.object({
  /** Record id, `<district>/<unit>/<year>`. */
  recordId: z.string(),
  /** Unit name as written in the record's identity. */
  unit: z.string(),
  /** Budget year. */
  year: z.number().int(),
});
export type GlossaryUser = z.infer<typeof glossaryUserSchema>;
