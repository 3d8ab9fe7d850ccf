/**
 * `/<district>/<unit>/<year>/<table>.csv` (see tableCsvPath): one CSV per attached table and per narrative
 * table (income, function, three-public), written by src/lib/csv.ts (BOM, formula-safe). The list of CSVs
 * comes from the record's summary; the rows from its full record, read when the CSV is rendered. Served by
 * the dev server; `astro build` writes the same files with src/integrations/downloads-writer.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getVisibleRecords, loadRecord, type RecordSummary } from '../../../../lib/records.ts';
import { csvResponse, toCsv } from '../../../../lib/csv.ts';
import { downloadList, downloadTables } from '../../../../components/record/downloads.ts';
import { recordParams } from '../../../../components/record/page-data.ts';
import { devServer } from '../../../../domain/release.ts';

// Dev server only: `astro build` writes these files after the pages (src/integrations/downloads.ts).
export const getStaticPaths = (async () => !devServer() ? [] :
  (await getVisibleRecords()).flatMap((summary) => downloadList(summary).map((table) => ({
    params: { ...recordParams(summary), table: table.id },
    props: { summary, id: table.id },
  })))
) satisfies GetStaticPaths;

export const GET: APIRoute<{ summary: RecordSummary; id: string }> = ({ props }) => {
  const table = downloadTables(loadRecord(props.summary)).find((t) => t.id === props.id);
  if (!table) throw new Error(`record ${props.summary.id}: no table ${props.id} (its file changed after the list of pages was made)`);
  return csvResponse(toCsv(table.rows));
};
