import { z } from 'astro/zod';

/** Kinds of section the parser recognises by vocabulary (not by number or position). */
export const sectionKinds = [
  'preamble', 'part', 'basicInfo', 'duties', 'structure', 'overview', 'income', 'expenditure',
  'budgetExplanation', 'threePublic', 'otherMatters', 'operatingExpenses', 'procurement', 'performance',
  'assets', 'glossary', 'tables', 'contact', 'signature', 'unknown',
] as const;

/** A heading of the document with the paragraphs under it, in document order. */
export const sectionSchema = z.object({
  /** Stable id in the record (s1, s2…), used for anchors. */
  id: z.string(),
  /** Recognised kind, `unknown` when the heading is not one the parser knows. */
  kind: z.enum(sectionKinds),
  /** Heading depth: 1 for 一、, 2 for （一）, 3 for 1、/1., 4 for （1）; 0 for 第一部分 and the preamble. */
  depth: z.number().int().nonnegative(),
  /** Numbering as written (一、 （二） 3.), or null. */
  number: z.string().nullable(),
  /** Heading text as written, without the number. */
  title: z.string(),
  /** 1-based line of the heading (of the first paragraph for the preamble). */
  line: z.number().int().positive(),
  /** Paragraphs under the heading (not under a sub-heading). */
  paragraphs: z.array(z.object({
    /** Text as written; a paragraph hard-wrapped over several lines (PDF text) is joined. */
    text: z.string(),
    /** 1-based first source line. */
    line: z.number().int().positive(),
    /** Further source lines joined into this paragraph, when it was wrapped. */
    more: z.array(z.number().int().positive()).optional(),
  })),
});
export type Section = z.infer<typeof sectionSchema>;
