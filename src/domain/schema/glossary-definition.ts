import { z } from 'astro/zod';
import { glossaryUserSchema } from './glossary-user.ts';

/** One wording of a term's definition, with the unit-years whose 名词解释 give it. */
export const glossaryDefinitionSchema = z.object({
  /** Definition as first written (identical wordings, compared after whitespace/width folding, are merged). */
  text: z.string(),
  /** Unit-years giving this wording, sorted by record id. */
  usedBy: z.array(glossaryUserSchema),
});
export type GlossaryDefinition = z.infer<typeof glossaryDefinitionSchema>;
