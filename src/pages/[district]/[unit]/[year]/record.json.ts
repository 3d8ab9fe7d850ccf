/** `/<district>/<unit>/<year>/record.json`: the whole record as pretty-printed JSON. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { UnitYearRecord } from '../../../../domain/schema/record.ts';
import { getVisibleRecords } from '../../../../lib/records.ts';
import { recordParams } from '../../../../components/record/page-data.ts';

export const getStaticPaths = (async () =>
  (await getVisibleRecords()).map((record) => ({ params: recordParams(record), props: { record } }))
) satisfies GetStaticPaths;

export const GET: APIRoute<{ record: UnitYearRecord }> = ({ props }) =>
  new Response(`${JSON.stringify(props.record, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
