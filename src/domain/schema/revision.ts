import { z } from 'astro/zod';

/**
 * A re-issued disclosure (更正稿): its place among the versions of its unit-year. Set by the ingest from the
 * sidecars of all seeds of that unit-year (`replaces:`, or a draft beside one published seed); an original
 * disclosure has none and is version 1.
 */
export const revisionSchema = z.strictObject({
  /** 2 for the first correction, 3 for the next, …; its record file is `<year>.v<version>.json`. */
  version: z.number().int().min(2),
  /** Seed file (relative to seeds/) of the version this one replaces. */
  replaces: z.string(),
});
export type Revision = z.infer<typeof revisionSchema>;
