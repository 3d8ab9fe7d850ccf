/** /data/key-figures.csv: one row per visible unit-year, amounts in 元. */
import type { APIRoute } from 'astro';
import { csvResponse, toCsv } from '../../lib/csv.ts';
import { getVisibleRecords } from '../../lib/records.ts';
import { keyFiguresCsvRows } from '../../lib/open-data.ts';

export const GET: APIRoute = async () => csvResponse(toCsv(keyFiguresCsvRows(await getVisibleRecords())));
