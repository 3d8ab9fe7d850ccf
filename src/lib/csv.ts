/**
 * RFC 4180 CSV for downloads: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), CRLF line
 * ends, fields quoted when they hold a comma, quote, CR or LF. Cells that a spreadsheet would run as a
 * formula (starting with = + - @ TAB CR) get a leading apostrophe, except plain numbers such as -12.5 or -1,234.50.
 */

/** A cell value; null and undefined are written as empty fields. */
export type CsvCell = string | number | null | undefined;

/** UTF-8 byte-order mark. */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Neutralises a text that a spreadsheet would evaluate as a formula. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One field, escaped and quoted as needed. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
    return String(value);
  }
  const text = defuseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: BOM, then each row joined by commas and ended by CRLF. */
export function toCsv(rows: Iterable<readonly CsvCell[]>): string {
  let out = BOM;
  for (const row of rows) out += `${row.map(csvField).join(',')}\r\n`;
  return out;
}

/** A Response for an Astro endpoint serving `csv` (text/csv, UTF-8). */
export function csvResponse(csv: string): Response {
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
