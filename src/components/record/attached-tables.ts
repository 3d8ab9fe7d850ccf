/** Reading attached tables (附表) for display and download. */
import { formatFenIn, type AmountUnit } from '../../domain/money.ts';
import type { Table } from '../../domain/schema/table.ts';
import type { TableCell } from '../../domain/schema/table-cell.ts';
import type { UnitYearRecord } from '../../domain/schema/record.ts';

const AMOUNT_UNITS: readonly AmountUnit[] = ['万元', '元', '千元', '亿元'];

/** The table's unit of measure when it is a money unit ("单位：万元" → 万元), else null. */
export function amountUnit(unitOfMeasure: string | null): AmountUnit | null {
  const u = unitOfMeasure?.replace(/^.*[:：]/, '').trim();
  return AMOUNT_UNITS.find((a) => a === u) ?? null;
}

/**
 * A cell as shown: amounts in the table's own unit with two decimals (thousands separators unless
 * `grouping` is false), other cells as written.
 */
export function cellText(cell: TableCell, unit: AmountUnit | null, grouping = true): string {
  if (cell.fen === null || unit === null) return cell.text;
  const s = formatFenIn(cell.fen, unit);
  return grouping ? s : s.replaceAll(',', '');
}

/** Number of columns: the widest header or body row. */
export function tableWidth(table: Table): number {
  return Math.max(0, ...table.header.map((h) => h.length), ...table.rows.map((r) => r.cells.length));
}

/**
 * True when the document printed the form without data: no body row holds anything but, at most, the
 * label of a 合计 row.
 */
export function isEmptyTable(table: Table): boolean {
  return table.rows.every((r) => r.cells.filter((c) => c.text.trim() !== '').length <= (r.total ? 1 : 0));
}

/** One header cell laid out over the table's columns. */
export interface HeaderCell {
  text: string;
  /** Number of columns the cell spans. */
  span: number;
}

/**
 * Splits a run of `labels.length` labelled columns among `m` upper header cells: a label that repeats starts
 * a new group (收入 项目/预算数 | 支出 项目/预算数), a 科目编码 column goes with the name beside it. Null when
 * neither tells where to split.
 */
function splitRun(labels: string[], m: number): number[] | null {
  const n = labels.length;
  if (m === 1) return [n];
  const repeat = labels.indexOf(labels[0]!, 1);
  const first = repeat > 0 ? repeat : labels[0]!.includes('编码') ? 2 : 0;
  if (first === 0 || n - first < m - 1) return null;
  const rest = splitRun(labels.slice(first), m - 1);
  return rest && [first, ...rest];
}

/** Expands laid-out cells to one text per column (each column gets the text of the cell covering it). */
const perColumn = (row: HeaderCell[]): string[] => row.flatMap((c) => Array<string>(c.span).fill(c.text));

/** Lays `upper` over the columns whose labels are `below` (see headerLayout), or null when it does not fit. */
function layOver(upper: string[], below: string[]): HeaderCell[] | null {
  const runs: string[][] = [];
  const slots: Array<number | null> = []; // null: an empty column; n: the n-th run of labelled columns
  below.forEach((label, col) => {
    if (label === '') slots.push(null);
    else if (col > 0 && below[col - 1] !== '') runs[runs.length - 1]!.push(label);
    else { runs.push([label]); slots.push(runs.length - 1); }
  });
  let extra = upper.length - slots.length;
  if (extra < 0) return null;
  const out: HeaderCell[] = [];
  let next = 0;
  for (const slot of slots) {
    if (slot === null) { out.push({ text: upper[next++]!, span: 1 }); continue; }
    const labels = runs[slot]!;
    const m = 1 + Math.min(extra, labels.length - 1);
    const spans = splitRun(labels, m);
    if (!spans) return null;
    extra -= m - 1;
    for (const span of spans) out.push({ text: upper[next++]!, span });
  }
  return extra === 0 ? out : null;
}

/** Header rows laid out over the table's columns, and the number of columns they cover. */
export interface HeaderLayout {
  width: number;
  rows: HeaderCell[][];
}

/**
 * The header rows laid out over the table's columns. Documents flattened from Word lose merged cells: an
 * upper row is shorter than the row below when some of its cells span several columns, and the row below
 * has an empty cell under a label spanning both rows. Working upwards, each upper cell stands over either
 * such an empty column or a run of labelled columns (split by `splitRun`); when the row below has such
 * placeholders, up to three trailing ones it did not print may be added. A row that cannot be laid out is
 * kept as printed.
 */
export function headerLayout(table: Table): HeaderLayout {
  const rows = table.header.map((r) => r.map((t) => t.trim()));
  let width = tableWidth(table);
  if (rows.length === 0) return { width, rows: [] };
  const pad = (texts: string[], w: number) => Array.from({ length: w }, (_, i) => texts[i] ?? '');
  const single = (texts: string[]): HeaderCell[] => texts.map((text) => ({ text, span: 1 }));
  const laid: HeaderCell[][] = [single(pad(rows[rows.length - 1]!, width))];
  for (let r = rows.length - 2; r >= 0; r--) {
    const below = perColumn(laid[0]!);
    // Only a row below that shows the empty placeholders of merged cells may lack trailing ones.
    const maxWidth = below.includes('') ? width + 3 : width;
    let row: HeaderCell[] | null = null;
    for (let w = width; w <= maxWidth && !row; w++) {
      row = layOver(rows[r]!, pad(below, w));
      if (row && w > width) {
        for (const lower of laid) lower.push({ text: '', span: w - width });
        width = w;
      }
    }
    laid.unshift(row ?? single(pad(rows[r]!, width)));
  }
  return { width, rows: laid };
}

/** Column labels: for each column, the lowest non-empty header text over it (see headerLayout). */
export function columnLabels(table: Table): string[] {
  const { width, rows } = headerLayout(table);
  const columns = rows.map(perColumn);
  return Array.from({ length: width }, (_, i) =>
    [...columns].reverse().map((row) => row[i] ?? '').find((t) => t !== '') ?? '');
}

/** Table kinds that list expenditure by function class with 类/款/项 codes. */
const FUNCTION_TABLE_KINDS = new Set(['departmentExpenditure', 'generalBudgetExpenditure']);

/** The first attached table giving expenditure by function class with codes, or null. */
export function codedFunctionTable(record: UnitYearRecord): Table | null {
  return record.tables.find((t) => FUNCTION_TABLE_KINDS.has(t.kind) && t.rows.some((r) => r.code !== null)) ?? null;
}
