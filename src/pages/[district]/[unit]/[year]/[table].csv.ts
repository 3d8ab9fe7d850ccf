/**
 * `/<district>/<unit>/<year>/<table>.csv` (see tableCsvPath): one CSV per attached table and per narrative
 * table (income, function, three-public), written by src/lib/csv.ts (BOM, formula-safe).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getVisibleRecords } from '../../../../lib/records.ts';
import { csvResponse, toCsv } from '../../../../lib/csv.ts';
import { downloadTables, type DownloadTable } from '../../../../components/record/downloads.ts';
import { recordParams } from '../../../../components/record/page-data.ts';

export const getStaticPaths = (async () =>
  (await getVisibleRecords()).flatMap((record) => downloadTables(record).map((table) => ({
    params: { ...recordParams(record), table: table.id },
    props: { table },
  })))
) satisfies GetStaticPaths;

export const GET: APIRoute<{ table: DownloadTable }> = ({ props }) => csvResponse(toCsv(props.table.rows));
