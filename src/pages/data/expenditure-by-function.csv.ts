/** /data/expenditure-by-function.csv: one row per visible unit-year and function class, amounts in 元. */
import type { APIRoute } from 'astro';
import { csvResponse, toCsv } from '../../lib/csv.ts';
import { getVisibleRecords } from '../../lib/records.ts';
import { expenditureByFunctionCsvRows } from '../../lib/open-data.ts';

export const GET: APIRoute = async () => csvResponse(toCsv(expenditureByFunctionCsvRows(await getVisibleRecords())));
