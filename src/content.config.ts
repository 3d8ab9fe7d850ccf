/**
 * Content collections for code that extends the site (README, “Content collections”), when
 * gongkai.config.ts says `collections: true`: `getCollection('records')` lists the records this build shows
 * (drafts and embargoed records only in the dev server and GONGKAI_PREVIEW=1), each as a small validated
 * entry (src/domain/schema/record-entry.ts). Off by default (its cost: BENCHMARKS.md, “Content collections”).
 * The site's own pages read content/ with fs (src/lib/records.ts); see src/lib/records-loader.ts.
 */
import { defineCollection } from 'astro:content';
import { recordsLoader } from './lib/records-loader.ts';
import { siteConfig } from './lib/site-config.ts';

export const collections = siteConfig.collections ? { records: defineCollection({ loader: recordsLoader() }) } : {};
