/**
 * `/<district>/<unit>/<year>/record.json`: the whole record, the bytes of its content/ file (pretty-printed
 * JSON, as the ingest wrote it). Served by the dev server; `astro build` writes the same bytes with
 * src/integrations/downloads-writer.ts (at province scale these files are a third of the site's bytes, and Astro's
 * per-route work on them cost more than copying them).
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getVisibleRecords, recordFilePath, type RecordSummary } from '../../../../lib/records.ts';
import { recordParams } from '../../../../components/record/page-data.ts';
import { devServer } from '../../../../domain/release.ts';

// Dev server only: `astro build` writes these files after the pages (src/integrations/downloads.ts).
export const getStaticPaths = (async () => !devServer() ? [] :
  (await getVisibleRecords()).map((summary) => ({ params: recordParams(summary), props: { summary } }))
) satisfies GetStaticPaths;

export const GET: APIRoute<{ summary: RecordSummary }> = ({ props }) =>
  new Response(readFileSync(recordFilePath(props.summary)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
