/**
 * The attached expenditure tables (部门支出总表, 一般公共预算支出表) against the narrative, at the text's precision:
 * table.narrative-basic-project — the 合计 row's 基本支出 / 项目支出 columns vs the 财政拨款 explanation;
 * table.narrative-total — the 部门支出总表's 合计 vs the 支出预算 total;
 * table.narrative-function — each 类 row vs the narrative's spending by that class (for the 一般公共预算
 * table only when all income is 一般公共预算: other funds pay for part of the narrative's classes).
 */
import { agreesAtTextPrecision, formatWan } from '../../../src/domain/money.ts';
import type { Table } from '../../../src/domain/schema/table.ts';
import type { TableCell } from '../../../src/domain/schema/table-cell.ts';
import type { TableRow } from '../../../src/domain/schema/table-row.ts';
import { recordExample, type CheckedRecord, type RecordInput } from './record.ts';
import type { Check, CodedFinding } from './types.ts';
import { wan } from './words.ts';

/** A row of an expenditure table in 元 or 万元 whose first amount column holds a figure, with that cell. */
interface AmountRow { table: Table; row: TableRow; cell: TableCell & { fen: number }; column: (name: string) => number }

function amountRows(r: CheckedRecord): AmountRow[] {
  const out: AmountRow[] = [];
  for (const table of r.tables) {
    if (!['departmentExpenditure', 'generalBudgetExpenditure'].includes(table.kind)) continue;
    if (table.unitOfMeasure && !/万元|元/.test(table.unitOfMeasure)) continue;
    const first = table.numericColumns[0];
    if (first === undefined) continue;
    const lastHeader = table.header[table.header.length - 1] ?? [];
    const column = (name: string) => lastHeader.findIndex((h) => h.replace(/\s+/g, '') === name);
    for (const row of table.rows) {
      const cell = row.cells[first];
      if (cell && cell.fen !== null) out.push({ table, row, cell: cell as AmountRow['cell'], column });
    }
  }
  return out;
}

const tableFen = (fen: number) => `${formatWan(fen / 100)}万元`;

// An example 部门支出总表 in 万元: 合计 100.00 = 基本 60.00 + 项目 40.00; class 201 80.00, class 208 20.00.
const cell = (text: string, line: number, fen: number | null = null): TableCell => ({ text, fen, line });
const row = (line: number, code: string | null, name: string, total: number, basic: number, project: number): TableRow => ({
  cells: [cell(code ?? name, line), cell(code ? name : '', line), cell(formatWan(total / 100, { grouping: false }), line, total),
    cell(formatWan(basic / 100, { grouping: false }), line, basic), cell(formatWan(project / 100, { grouping: false }), line, project)],
  code, level: code ? 'class' : null, parentCode: null, total: code === null, line,
});
const spendingTable = (kind = 'departmentExpenditure', rows = [
  row(101, null, '合计', 100_000_000, 60_000_000, 40_000_000),
  row(102, '201', '一般公共服务支出', 80_000_000, 50_000_000, 30_000_000),
  row(103, '208', '社会保障和就业支出', 20_000_000, 10_000_000, 10_000_000),
]): Table => ({
  id: 't1', title: kind === 'departmentExpenditure' ? '部门支出总表' : '一般公共预算支出表', kind, unitOfMeasure: '万元',
  header: [['科目编码', '科目名称', '合计', '基本支出', '项目支出']], rows, numericColumns: [2, 3, 4], note: null, startLine: 100, endLine: 103,
});
const narrative = (over: { basic?: number; total?: number; class201?: number; otherIncome?: number } = {}, tables = [spendingTable()]) => recordExample({
  income: {
    total: 1_000_000,
    sources: [{ key: 'generalBudget', label: '一般公共预算拨款收入', amount: 1_000_000 - (over.otherIncome ?? 0), line: 12 },
      ...(over.otherIncome ? [{ key: 'other', label: '其他收入', amount: over.otherIncome, line: 13 }] : [])],
  },
  expenditure: {
    total: over.total ?? 1_000_000,
    byFunction: [{ key: null, label: '一般公共服务支出', amount: over.class201 ?? 800_000, line: 21 }, { key: null, label: '社会保障和就业支出', amount: 200_000, line: 22 }],
  },
  generalBudgetAppropriation: { basic: { amount: over.basic ?? 600_000 }, project: { amount: 400_000 } },
  tables,
});

export const tableNarrativeBasicProject: Check<RecordInput> = {
  codes: ['table.narrative-basic-project'],
  description: 'The 基本支出 and 项目支出 of an expenditure table’s 合计 row agree with the narrative.',
  run: ({ record: r }) => {
    const gba = r.generalBudgetAppropriation;
    return amountRows(r).filter((a) => a.row.total).flatMap(({ table, row, column }) =>
      ([['基本支出', gba.basic.amount], ['项目支出', gba.project.amount]] as const).flatMap(([name, stated]): CodedFinding[] => {
        const c = row.cells[column(name)];
        if (stated === null || !c || c.fen === null || agreesAtTextPrecision(stated, c.fen)) return [];
        return [{ severity: 'error', code: 'table.narrative-basic-project', message: `附表「${table.title}」合计行的${name}为${tableFen(c.fen)}，说明中为${wan(stated)}`, line: c.line }];
      }));
  },
  pass: [{ name: 'the table agrees with the narrative', input: narrative() }],
  fail: [{
    name: '基本支出 stated differently',
    input: narrative({ basic: 610_000 }),
    findings: [{ severity: 'error', code: 'table.narrative-basic-project', message: '附表「部门支出总表」合计行的基本支出为60.00万元，说明中为61.00万元', line: 101 }],
  }],
};

export const tableNarrativeTotal: Check<RecordInput> = {
  codes: ['table.narrative-total'],
  description: 'The 合计 of the 部门支出总表 agrees with the 支出预算 total of the narrative.',
  run: ({ record: r }) => {
    const total = r.expenditure.total;
    if (total === null) return [];
    return amountRows(r)
      .filter(({ table, row, cell }) => row.total && table.kind === 'departmentExpenditure' && !agreesAtTextPrecision(total, cell.fen))
      .map(({ table, cell }) => ({ severity: 'error', code: 'table.narrative-total', message: `附表「${table.title}」合计${tableFen(cell.fen)}与说明中的支出预算${wan(total)}不一致`, line: cell.line }));
  },
  pass: [
    { name: 'the table agrees with the narrative', input: narrative() },
    { name: 'agrees at the text’s precision (100.00万元 states 1,000,049.99 元)', input: narrative({}, [spendingTable('departmentExpenditure', [row(101, null, '合计', 100_004_999, 60_000_000, 40_004_999)])]) },
  ],
  fail: [{
    name: 'the total stated differently',
    input: narrative({ total: 1_100_000 }),
    findings: [{ severity: 'error', code: 'table.narrative-total', message: '附表「部门支出总表」合计100.00万元与说明中的支出预算110.00万元不一致', line: 101 }],
  }],
};

export const tableNarrativeFunction: Check<RecordInput> = {
  codes: ['table.narrative-function'],
  description: 'Each 类 row of an expenditure table agrees with the narrative’s spending by that function class.',
  run: ({ record: r }) => {
    const generalBudget = r.income.sources.find((x) => x.key === 'generalBudget')?.amount ?? null;
    const allGeneral = r.income.total === null || generalBudget === null || generalBudget === r.income.total;
    return amountRows(r).flatMap(({ table, row, cell }): CodedFinding[] => {
      if (row.level !== 'class' || !row.code) return [];
      if (table.kind === 'generalBudgetExpenditure' && !allGeneral) return [];
      const name = row.cells.find((c) => c.fen === null && c.text && !/^\d+$/.test(c.text.trim()))?.text.trim();
      const stated = r.expenditure.byFunction.find((f) => f.label === name);
      if (!stated || agreesAtTextPrecision(stated.amount, cell.fen)) return [];
      return [{ severity: 'error', code: 'table.narrative-function', message: `附表「${table.title}」中${row.code} ${name} 为${tableFen(cell.fen)}，说明中为${wan(stated.amount)}`, line: cell.line }];
    });
  },
  pass: [
    { name: 'the classes agree', input: narrative() },
    { name: 'the 一般公共预算 table when other funds pay for part of the spending', input: narrative({ class201: 850_000, otherIncome: 50_000 }, [spendingTable('generalBudgetExpenditure')]) },
  ],
  fail: [{
    name: 'a class stated differently',
    input: narrative({ class201: 810_000 }),
    findings: [{ severity: 'error', code: 'table.narrative-function', message: '附表「部门支出总表」中201 一般公共服务支出 为80.00万元，说明中为81.00万元', line: 102 }],
  }],
};
