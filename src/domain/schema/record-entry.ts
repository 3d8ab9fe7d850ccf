import { z } from 'astro/zod';
import { recordSummarySchema } from './record-summary.ts';

/**
 * One entry of the `records` content collection (`getCollection('records')`, src/content.config.ts): the part
 * of a visible record's summary a page listing many records needs, plus where its page and its file are. It
 * is deliberately small: Astro serialises every entry into its data store on each build and dev update, and
 * the full summaries made that cost several seconds at 10,000 records (BENCHMARKS.md, “Content collections”).
 * Everything else of a record is in its file: `loadRecord(entry.data)` (src/lib/records.ts) reads it.
 */
export const recordEntrySchema = recordSummarySchema
  .pick({ id: true, slug: true, identity: true, keyFigures: true, release: true, revision: true })
  .extend({
    /** The unit-year page, from the site root without the base path (`/kaizhou/zhengwuxinxizhongxin/2026/`). */
    path: z.string(),
    /** The record file, relative to content/ (`records/kaizhou/zhengwuxinxizhongxin/2026.json`). */
    file: z.string(),
  });
export type RecordEntry = z.infer<typeof recordEntrySchema>;
