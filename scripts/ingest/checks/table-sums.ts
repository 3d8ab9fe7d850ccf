/**
 * table.children-sum, table.total-sum, table.rounding: the sums of a coded attached table (科目编码 rows), in
 * integer 分 — the children of a code add up to it (款 to 类, 项 to 款), and the 合计 row to the 类 rows. A
 * difference within the rounding of the table's last printed decimal (per part) is table.rounding (info).
 *
 * A stage check: the tables stage (stages/tables.ts) runs it on each table it builds, while parsing, with the
 * table's number, its unit (as the stage read it, 万元 when the table states none) and the rounding slack the
 * caller set; the examples give the same input.
 */
import { formatFenIn, parseToFen, sum, type AmountUnit } from '../../../src/domain/money.ts';
import type { Table } from '../../../src/domain/schema/table.ts';
import type { TableRow } from '../../../src/domain/schema/table-row.ts';
import type { Check, CodedFinding } from './types.ts';

export interface TableSumsInput {
  table: Table;
  /** The table's number in the document (表N in the messages). */
  no: number;
  /** The unit its amounts are in. */
  unit: AmountUnit;
  /**
   * Rounding slack per part, in units of the last printed decimal; undefined: 1 when the table prints coarser
   * than 分 (万元 with two decimals rounds), else 0.
   */
  slack: number | undefined;
}

/** How a message names a column: its lowest header label, else its number. */
function columnLabel(header: string[][], col: number): string {
  for (let r = header.length - 1; r >= 0; r--) {
    const label = header[r]![col]?.trim();
    if (label) return `「${label}」列`;
  }
  return `第${col + 1}列`;
}

/** Value of one unit of the last decimal place the table prints, in 分. */
function lastDigitFen(rows: TableRow[], numericColumns: number[], unit: AmountUnit): number {
  let decimals = 0;
  for (const r of rows) {
    for (const c of numericColumns) {
      const cell = r.cells[c];
      if (cell?.fen === null || !cell) continue;
      const dot = cell.text.indexOf('.');
      if (dot >= 0) decimals = Math.max(decimals, cell.text.length - dot - 1);
    }
  }
  return parseToFen(decimals === 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`, unit) ?? 0;
}

/**
 * Sum checks on a coded table, in integer 分: children of a code add up to it, and the 合计 row to the 类 rows.
 * A difference within `slack` units of the last printed decimal per part is rounding (info), beyond is an error.
 * `slack` undefined: 1 when the table prints coarser than 分 (万元 with two decimals rounds), else 0.
 */
function checkSums({ table, no, unit, slack }: TableSumsInput): CodedFinding[] {
  const findings: CodedFinding[] = [];
  const { rows, numericColumns, header } = table;
  if (numericColumns.length === 0 || !rows.some((r) => r.code)) return findings;
  const digit = lastDigitFen(rows, numericColumns, unit);
  const step = (slack ?? (digit > 1 ? 1 : 0)) * digit;
  const fmt = (fen: number): string => `${formatFenIn(fen, unit)}${unit}`;
  const where = `表${no}「${table.title}」`;

  const byCode = new Map<string, TableRow[]>();
  const children = new Map<string, TableRow[]>();
  const add = (map: Map<string, TableRow[]>, key: string, r: TableRow): void => {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  };
  for (const r of rows) {
    if (!r.code) continue;
    add(byCode, r.code, r);
    if (r.parentCode) add(children, r.parentCode, r);
  }

  /** `describe(partsSum, value)` states the comparison; the verdict is appended. */
  const compare = (target: TableRow, parts: TableRow[], code: 'table.children-sum' | 'table.total-sum', describe: (partsSum: number, value: number) => string): void => {
    for (const col of numericColumns) {
      const cell = target.cells[col]!;
      const values = parts.map((p) => p.cells[col]?.fen ?? null);
      if (cell.fen === null && values.every((v) => v === null)) continue;
      const partsSum = sum(values);
      const value = cell.fen ?? 0;
      const diff = Math.abs(partsSum - value);
      if (diff === 0) continue;
      const column = columnLabel(header, col);
      if (diff > step * parts.length) {
        findings.push({ severity: 'error', code, message: `${describe(partsSum, value)}不一致（${column}）`, line: cell.line });
      } else {
        const message = `${describe(partsSum, value)}相差${fmt(diff)}，在四舍五入误差以内（${column}）`;
        findings.push({ severity: 'info', code: 'table.rounding', message, line: cell.line });
      }
    }
  };

  for (const [code, kids] of children) {
    const parents = byCode.get(code);
    if (parents?.length !== 1) continue; // absent or ambiguous parent
    compare(parents[0]!, kids, 'table.children-sum', (s, v) => `${where}科目${code}的子项合计${fmt(s)}，与该科目${fmt(v)}`);
  }

  const totals = rows.filter((r) => r.total);
  const classes = rows.filter((r) => r.level === 'class');
  if (totals.length === 1 && classes.length > 0) {
    compare(totals[0]!, classes, 'table.total-sum', (s, v) => `${where}合计行${fmt(v)}，与各类科目之和${fmt(s)}`);
  }
  return findings;
}


/** A 万元 table with two decimals: 科目编码 | 科目名称 | 合计; rows [code, name, amount, total row?] from line 10 on. */
function coded(rows: Array<[string | null, string, string]>): Table {
  const level = (code: string | null) => (code === null ? null : code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item');
  return {
    id: 't1', title: '支出预算表', kind: 'other', unitOfMeasure: '万元', header: [['科目编码', '科目名称', '合计']], numericColumns: [2],
    note: null, startLine: 8, endLine: 9 + rows.length,
    rows: rows.map(([code, name, amount], i) => ({
      cells: [
        { text: code ?? '', fen: null, line: 10 + i }, { text: name, fen: null, line: 10 + i },
        { text: amount, fen: parseToFen(amount, '万元'), line: 10 + i },
      ],
      code, level: level(code), parentCode: code && code.length > 3 ? code.slice(0, code.length - 2) : null, total: code === null, line: 10 + i,
    })),
  };
}
const input = (table: Table): TableSumsInput => ({ table, no: 1, unit: '万元', slack: undefined });

export const tableSums: Check<TableSumsInput> = {
  codes: ['table.children-sum', 'table.total-sum', 'table.rounding'],
  description: 'In a coded attached table, the children of each code add up to it and the 合计 row to the 类 rows (within the rounding of the printed decimals).',
  run: checkSums,
  pass: [
    {
      name: 'children add up to their code, classes to the 合计 row',
      input: input(coded([[null, '合计', '150.00'], ['201', '一般公共服务支出', '100.00'], ['20101', '人大事务', '60.00'], ['20102', '政协事务', '40.00'], ['208', '社会保障和就业支出', '50.00']])),
    },
    { name: 'a table without codes is not summed', input: input(coded([[null, '合计', '150.00']])) },
  ],
  fail: [
    {
      name: 'children short of their code, 合计 beyond the classes',
      input: input(coded([[null, '合计', '160.00'], ['201', '一般公共服务支出', '100.00'], ['20101', '人大事务', '60.00'], ['20102', '政协事务', '30.00'], ['208', '社会保障和就业支出', '50.00']])),
      findings: [
        { severity: 'error', code: 'table.children-sum', message: '表1「支出预算表」科目201的子项合计90.00万元，与该科目100.00万元不一致（「合计」列）', line: 11 },
        { severity: 'error', code: 'table.total-sum', message: '表1「支出预算表」合计行160.00万元，与各类科目之和150.00万元不一致（「合计」列）', line: 10 },
      ],
    },
    {
      name: 'a difference within the rounding of two decimals',
      input: input(coded([['201', '一般公共服务支出', '100.00'], ['20101', '人大事务', '60.00'], ['20102', '政协事务', '40.01']])),
      findings: [{ severity: 'info', code: 'table.rounding', message: '表1「支出预算表」科目201的子项合计100.01万元，与该科目100.00万元相差0.01万元，在四舍五入误差以内（「合计」列）', line: 10 }],
    },
  ],
};
