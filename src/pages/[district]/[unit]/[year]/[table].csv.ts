/**
 * `/<district>/<unit>/<year>/<table>.csv` (see tableCsvPath): one CSV per attached table and per narrative
 * table (income, function, three-public), written by src/lib/csv.ts (BOM, formula-safe). The list of CSVs
 * comes from the record's summary; the rows from its full record, read when the CSV is rendered.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getVisibleRecords, loadRecord, type RecordSummary } from '../../../../lib/records.ts';
import { csvResponse, toCsv } from '../../../../lib/csv.ts';
import { downloadList, downloadTables } from '../../../../components/record/downloads.ts';
import { recordParams } from '../../../../components/record/page-data.ts';

export const getStaticPaths = (async () =>
  (await getVisibleRecords()).flatMap((summary) => downloadList(summary).map((table) => ({
    params: { ...recordParams(summary), table: table.id },
    props: { summary, id: table.id },
  })))
) satisfies GetStaticPaths;

export const GET: APIRoute<{ summary: RecordSummary; id: string }> = ({ props }) => {
  const table = downloadTables(loadRecord(props.summary)).find((t) => t.id === props.id);
  if (!table) throw new Error(`record ${props.summary.id}: no table ${props.id} (its file changed during the build)`);
  return csvResponse(toCsv(table.rows));
};
