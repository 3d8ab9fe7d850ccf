import { z } from 'astro/zod';
import { glossaryUserSchema } from './glossary-user.ts';
import { glossaryDefinitionSchema } from './glossary-definition.ts';

/** One entry of the site-wide glossary: a 名词解释 term or a 科目 name, merged across all records. */
export const glossaryTermSchema = z.object({
  /** Matching key: the term without quotes and spaces, full-width ASCII folded (“三公”经费 → 三公经费). Unique. */
  key: z.string(),
  /** ASCII anchor id from the pinyin of `key` (san-gong-jing-fei); a numeric suffix keeps it unique. */
  slug: z.string(),
  /** The term as first written (records in id order, 名词解释 before tables). */
  term: z.string(),
  /** `function` / `economic` when the name is a 支出功能分类 / 经济分类 科目 in some table, else `budget` (名词解释 only). */
  category: z.enum(['budget', 'function', 'economic']),
  /** 科目编码 when the name is a table class, else null; the lowest one when the name has several codes. */
  code: z.string().nullable(),
  /** Every 科目编码 the name is printed with, sorted (行政运行 is an item under many 款); empty when not a class. */
  codes: z.array(z.string()),
  /** The different wordings of the definition, most used first; empty for a class name no document defines. */
  definitions: z.array(glossaryDefinitionSchema),
  /** Every unit-year that defines the term or prints it as a class name, sorted by record id. */
  usedBy: z.array(glossaryUserSchema),
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
