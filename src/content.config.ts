// Content collections. Ingest writes one JSON file per unit-year under content/records/<district>/<unit>/<year>.json.
// GONGKAI_CONTENT_DIR (default ./content) points a build at another content folder (tests build temp sites).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './lib/content-dir.ts';
import { recordSchema } from './domain/schema/record.ts';

/**
 * Every ingested unit-year record, visible or not. Pages never read this directly: they go through
 * `getVisibleRecords()` in src/lib/records.ts, which drops drafts and embargoed records in production.
 * The entry id is the record's own `id` (`<district>/<unit>/<year>`); the glob loader's default would
 * stringify the `slug` object.
 */
const records = defineCollection({
  loader: glob({
    pattern: '**/*.json',
    base: `${contentDir()}/records`,
    generateId: ({ entry, data }) => (typeof data.id === 'string' ? data.id : entry.replace(/\.json$/, '')),
  }),
  schema: recordSchema,
});

export const collections = { records };
