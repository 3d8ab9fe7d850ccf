import { z } from 'astro/zod';

/** 职能职责 of one unit (the whole document, or one subordinate unit of a department). */
export const dutiesSchema = z.object({
  /** Unit the duties belong to, as written, or null for the document's own unit. */
  unit: z.string().nullable(),
  /** Introductory sentence (…主要职责：), or null. */
  intro: z.string().nullable(),
  /** Each duty as written, without its number. */
  items: z.array(z.object({
    /** The duty as written. */
    text: z.string(),
    /** 1-based source line. */
    line: z.number().int().positive(),
  })),
});
export type Duties = z.infer<typeof dutiesSchema>;
