import { z } from 'astro/zod';
import { recordSchema } from './record.ts';

/**
 * What the site checks of every record file before building site-wide pages: the record schema without
 * the parts only the record's own page reads (see src/domain/record-summary.ts), plus the identifying
 * parts of those (source file and digest, table ids and titles). Validating these fields costs a fraction
 * of the whole record's and catches a damaged or hand-edited content/ file with its field named.
 */
export const recordSummarySchema = recordSchema
  .omit({ sections: true, blockSections: true, tables: true, performanceTargets: true, provenance: true, duties: true, source: true })
  .extend({
    /** The source file (its text is not needed site-wide). */
    source: recordSchema.shape.source.omit({ lines: true }),
    /** Attached tables, by id, title and kind (their rows are read on the record's page). */
    tables: z.array(z.object({
      /** As `Table.id`. */
      id: z.string(),
      /** As `Table.title`. */
      title: z.string(),
      /** As `Table.kind`. */
      kind: z.string(),
    })),
  });
