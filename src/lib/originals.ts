/**
 * The routes of a record's original files (`…/<year>/original.pdf`, `…/<year>/v1/original.pdf`): the
 * bytes content/originals/ keeps, offered beside the page of the record they belong to. They follow the
 * pages' visibility exactly (getSiteData): a draft's or an embargoed record's file is never in a production
 * build, as its page is not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../domain/content-dir.ts';
import { ORIGINAL_CONTENT_TYPE, originalFiles, type OriginalRef } from '../domain/originals.ts';
import type { RecordSummary } from '../domain/record-summary.ts';

/** The original files of a summary (none for a plain text seed). */
export const recordOriginals = (summary: Pick<RecordSummary, 'source'>): OriginalRef[] => originalFiles(summary.source.parts);

/** The response serving one original file. */
export function originalResponse(original: OriginalRef): Response {
  return new Response(readFileSync(join(contentDir(), original.contentFile)), {
    headers: { 'Content-Type': ORIGINAL_CONTENT_TYPE[original.format] },
  });
}
