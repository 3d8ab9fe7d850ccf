/**
 * `/<district>/<unit>/<year>/record.json`: the whole record, the bytes of its content/ file (pretty-printed
 * JSON, as the ingest wrote and validated it). Served as read, not parsed and re-serialised: at province
 * scale these files are a third of the site's bytes.
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getVisibleRecords, recordFilePath, type RecordSummary } from '../../../../lib/records.ts';
import { recordParams } from '../../../../components/record/page-data.ts';
import { downloadKey } from '../../../../lib/cache-keys.ts';

export const getStaticPaths = (async () =>
  (await getVisibleRecords()).map((summary) => ({ params: recordParams(summary), props: { summary }, cacheKey: downloadKey(summary) }))
) satisfies GetStaticPaths;

export const GET: APIRoute<{ summary: RecordSummary }> = ({ props }) =>
  new Response(readFileSync(recordFilePath(props.summary)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
