/**
 * The CSV downloads of a record: one per attached table (its unit line 单位：… when the table states one, header
 * rows, then body rows with amounts in the table's own unit, two decimals) and one per narrative table
 * (income, function classes, “三公”经费) with Chinese headers and amounts in 万元, the unit in each header.
 */
import type { UnitYearRecord } from '../../domain/schema/record.ts';
import type { RecordSummary } from '../../domain/record-summary.ts';
import { formatWan } from '../../domain/money.ts';
import { hasBlock } from '../../domain/blocks.ts';
import type { CsvCell } from '../../lib/csv.ts';
import { amountUnit, cellText, headerLayout } from './attached-tables.ts';
import { functionRows, incomeRows, threePublicRows, type NarrativeRow } from './narrative-tables.ts';

/** One downloadable table: its id (file name part), title and CSV rows (header rows first). */
export interface DownloadTable {
  id: string;
  title: string;
  rows: CsvCell[][];
}

/** 元 → "1483.96" (万元, two decimals, no separators) for CSV; empty when unknown. */
const wan = (yuan: number | null): string => (yuan === null ? '' : formatWan(yuan, { grouping: false }));

function narrative(id: string, title: string, header: string[], rows: NarrativeRow[], cells: (r: NarrativeRow) => CsvCell[]): DownloadTable[] {
  return rows.length === 0 ? [] : [{ id, title, rows: [header, ...rows.map(cells)] }];
}

/**
 * The ids and titles of `downloadTables(record)` from the record's summary (no rows), for pages that list
 * downloads. Tested to agree with `downloadTables`.
 */
export function downloadList(record: RecordSummary): Array<Pick<DownloadTable, 'id' | 'title'>> {
  const { unit, year } = record.identity;
  return [
    ...record.tables.map((t) => ({ id: t.id, title: t.title })),
    ...(hasBlock(record, 'income') ? [{ id: 'income', title: `${year}年${unit}收入预算（按来源）` }] : []),
    ...(hasBlock(record, 'function') ? [{ id: 'function', title: `${year}年${unit}支出预算（按功能分类）` }] : []),
    { id: 'three-public', title: `${year}年${unit}“三公”经费预算` },
  ];
}

/** Every CSV download of the record, attached tables first, in document order. */
export function downloadTables(record: UnitYearRecord): DownloadTable[] {
  const { unit, year } = record.identity;
  const attached = record.tables.map((table): DownloadTable => {
    const { width, rows: header } = headerLayout(table);
    const pad = (cells: CsvCell[]) => [...cells, ...Array<CsvCell>(Math.max(0, width - cells.length)).fill('')];
    const u = amountUnit(table.unitOfMeasure);
    return {
      id: table.id,
      title: table.title,
      rows: [
        // The unit the amounts are in, as the printed table states it above its header (单位：万元).
        ...(table.unitOfMeasure ? [[`单位：${table.unitOfMeasure.replace(/^.*[:：]/, '').trim()}`]] : []),
        // A header cell spanning several columns is written in its first column.
        ...header.map((row) => row.flatMap((c) => [c.text, ...Array<CsvCell>(c.span - 1).fill('')])),
        ...table.rows.map((row) => pad(row.cells.map((c) => cellText(c, u, false)))),
      ],
    };
  });
  const withCarried = incomeRows(record).some((r) => r.carriedForward !== null);
  return [
    ...attached,
    ...narrative('income', `${year}年${unit}收入预算（按来源）`,
      ['收入来源', '年初预算数（万元）', ...(withCarried ? ['上年结转（万元）'] : [])], incomeRows(record),
      (r) => [r.label, wan(r.amount), ...(withCarried ? [wan(r.carriedForward)] : [])]),
    ...narrative('function', `${year}年${unit}支出预算（按功能分类）`,
      ['功能分类', '年初预算数（万元）'], functionRows(record), (r) => [r.label, wan(r.amount)]),
    ...narrative('three-public', `${year}年${unit}“三公”经费预算`,
      ['项目', '预算数（万元）', '比上年增减（万元）', '变化原因', '金额为推算'], threePublicRows(record),
      (r) => [r.label, wan(r.amount), wan(r.change?.amount ?? null), r.change?.reason ?? '', r.inferred ? '是' : '']),
  ];
}
