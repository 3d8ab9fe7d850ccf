/**
 * Tables laid out in columns (PDF text items, `pdftotext -layout` text): find them, read their grids,
 * store each as a typed table, and read the key figures they state (figures.ts). The lines they use are
 * kept out of the narrative; a table seen but not read is a finding.
 */
import type { Finding } from '../../../../src/domain/schema/finding.ts';
import type { KeyFigures } from '../../../../src/domain/schema/key-figures.ts';
import type { Table } from '../../../../src/domain/schema/table.ts';
import type { TableRow } from '../../../../src/domain/schema/table-row.ts';
import { tableTextDisagrees } from '../../checks/table-text-disagrees.ts';
import { readGrid, type Grid } from './grid.ts';
import { findRegions } from './regions.ts';
import { tableFigures, type FigureKey, type IdentifiedGrid, type TableFigure, type TableFigures } from './figures.ts';
import type { LayoutLine } from './layout.ts';

export interface LayoutTablesResult {
  tables: Table[];
  grids: IdentifiedGrid[];
  /** 1-based lines the tables use. */
  used: Set<number>;
  findings: Finding[];
  figures: TableFigures;
}

const LEVELS = { 3: 'class', 5: 'section', 7: 'item' } as const;

function toTable(id: string, g: Grid, lines: LayoutLine[]): Table {
  const r = g.region;
  const pairs = g.shape === 'pairs';
  const rows: TableRow[] = [];
  const cellOf = (text: string, fen: number | null, line: number) => ({ text, fen, line });
  if (pairs) {
    // Sides side by side again: row k holds the k-th row of each side.
    const sides = [...new Set(g.rows.map((x) => x.side))].sort((a, b) => a - b);
    const bySide = sides.map((s) => g.rows.filter((x) => x.side === s));
    const width = Math.max(1, ...g.rows.map((x) => x.amounts.length));
    const depth = Math.max(0, ...bySide.map((l) => l.length));
    for (let k = 0; k < depth; k++) {
      const cells = bySide.flatMap((list) => {
        const row = list[k];
        const line = row?.n ?? bySide.find((l) => l[k])![k]!.n;
        const amounts = Array.from({ length: width }, (_, j) => {
          const a = row?.amounts[j];
          return a ? cellOf(a.text, a.fen, a.n) : cellOf('', null, line);
        });
        return [cellOf(row?.label ?? '', null, line), ...amounts];
      });
      const first = bySide.find((l) => l[k])![k]!;
      rows.push({ cells, code: null, level: null, parentCode: null, total: bySide.some((l) => l[k]?.total), line: first.n });
    }
  } else {
    const k = g.columns.length;
    for (const row of g.rows) {
      const ambiguous = row.amounts.some((a) => a.col === null);
      const amounts = Array.from({ length: k }, () => cellOf('', null, row.n));
      if (ambiguous) {
        // The place of these amounts is unknown: shown as printed in the first amount column, not read as figures.
        if (k > 0) amounts[0] = cellOf(row.amounts.map((a) => a.text).join('  '), null, row.n);
      } else for (const a of row.amounts) amounts[a.col!] = cellOf(a.text, a.fen, a.n);
      const level = row.code ? (LEVELS[row.code.length as 3 | 5 | 7] ?? null) : null;
      rows.push({
        cells: [cellOf(row.code ?? '', null, row.n), cellOf(row.label, null, row.n), ...amounts],
        code: level ? row.code : null,
        level,
        parentCode: level === 'section' ? row.code!.slice(0, 3) : level === 'item' ? row.code!.slice(0, 5) : null,
        total: row.total,
        line: row.n,
      });
    }
  }
  const width = rows[0]?.cells.length ?? 0;
  const numericColumns: number[] = [];
  for (let c = 0; c < width; c++) if (rows.some((x) => x.cells[c]?.fen !== null && x.cells[c]?.fen !== undefined)) numericColumns.push(c);
  // One header row aligned with the cells (the printed header's merged cells are in the source lines).
  let header: string[][];
  if (pairs) {
    const sides = new Set(g.rows.map((x) => x.side)).size;
    const amountColumns = width === 0 ? 0 : width / Math.max(1, sides) - 1;
    header = width === 0 ? [] : [Array.from({ length: sides }, () => ['项目', ...Array.from({ length: amountColumns }, (_, j) => (j === 0 ? '金额' : ''))]).flat()];
  } else {
    header = rows.length === 0 ? [] : [['科目编码', '项目', ...g.columnLabels.map((l) => l || '金额')]];
  }
  const usedLines = g.used.length ? g.used : [lines[r.titleAt]!.n];
  return {
    id,
    title: r.title,
    kind: r.kind,
    unitOfMeasure: r.unit,
    header,
    rows,
    numericColumns,
    note: g.note,
    startLine: Math.min(...usedLines),
    endLine: Math.max(...usedLines),
  };
}

/**
 * Reads the tables laid out in columns among `lines`, leaving out lines[skip[0], skip[1]) (tables the
 * tab-separated reader owns). `firstId` numbers the tables after the ones already read (t1, t2…).
 */
export function readLayoutTables(lines: LayoutLine[], skip: [number, number], firstId: number): LayoutTablesResult {
  const regions = findRegions(lines).filter((r) => r.titleAt < skip[0] || r.titleAt >= skip[1]);
  const used = new Set<number>();
  const findings: Finding[] = [];
  const grids: IdentifiedGrid[] = [];
  const tables: Table[] = [];
  regions.forEach((region, k) => {
    const id = `t${firstId + k}`;
    const grid = readGrid(lines, region);
    for (const n of grid.used) used.add(n);
    grids.push({ id, grid });
    tables.push(toTable(id, grid, lines));
    const ambiguous = grid.rows.filter((r) => r.amounts.some((a) => a.col === null));
    const unread = [...grid.unplaced, ...ambiguous.map((r) => r.n)];
    if (unread.length > 0) {
      findings.push({
        severity: 'warning', code: 'table.cells-unread',
        message: `表「${region.title}」有${unread.length}行的数字无法确定所在列（第${unread.slice(0, 8).join('、')}行${unread.length > 8 ? '等' : ''}），这些数字未读取`,
        line: unread[0]!,
      });
    }
    if (grid.rows.length === 0 && !grid.note) {
      findings.push({ severity: 'warning', code: 'table.unread', message: `表「${region.title}」有标题但未能读出任何行`, line: lines[region.titleAt]!.n });
    }
  });
  const figures = tableFigures(grids);
  return { tables, grids, used, findings: [...findings, ...figures.findings], figures };
}

/** 分 → whole 元, half up (key figures are whole 元; Shanghai tables print 分). */
export const toYuan = (fen: number): number => Math.sign(fen) * Math.floor((Math.abs(fen) + 50) / 100);

type Setter = (path: string, line: number) => void;

/** Where each key figure comes from among the table figures (first one present wins). */
const KEY_SOURCES: [string, (k: KeyFigures) => number | null, (k: KeyFigures, v: number) => void, FigureKey[]][] = [
  ['incomeTotal', (k) => k.incomeTotal, (k, v) => (k.incomeTotal = v), ['incomeTotal']],
  ['expenditureTotal', (k) => k.expenditureTotal, (k, v) => (k.expenditureTotal = v), ['expenditureTotal']],
  ['generalBudget', (k) => k.generalBudget, (k, v) => (k.generalBudget = v), ['generalBudget']],
  ['governmentFund', (k) => k.governmentFund, (k, v) => (k.governmentFund = v), ['governmentFund']],
  ['threePublic.total', (k) => k.threePublic.total, (k, v) => (k.threePublic.total = v), ['threePublicTotal']],
  ['threePublic.outboundTravel', (k) => k.threePublic.outboundTravel, (k, v) => (k.threePublic.outboundTravel = v), ['outboundTravel']],
  ['threePublic.reception', (k) => k.threePublic.reception, (k, v) => (k.threePublic.reception = v), ['reception']],
  ['threePublic.vehicleOperation', (k) => k.threePublic.vehicleOperation, (k, v) => (k.threePublic.vehicleOperation = v), ['vehicleOperation']],
  ['threePublic.vehiclePurchase', (k) => k.threePublic.vehiclePurchase, (k, v) => (k.threePublic.vehiclePurchase = v), ['vehiclePurchase']],
  ['operatingExpenses', (k) => k.operatingExpenses, (k, v) => (k.operatingExpenses = v), ['operatingExpenses']],
  ['procurement.total', (k) => k.procurement.total, (k, v) => (k.procurement.total = v), ['procurementTotal']],
  ['procurement.goods', (k) => k.procurement.goods, (k, v) => (k.procurement.goods = v), ['procurementGoods']],
  ['procurement.works', (k) => k.procurement.works, (k, v) => (k.procurement.works = v), ['procurementWorks']],
  ['procurement.services', (k) => k.procurement.services, (k, v) => (k.procurement.services = v), ['procurementServices']],
];

/**
 * Fills the key figures the text did not state from the tables, and compares the ones both state.
 * `textLine(path)` is the line the text stated a figure on. Returns the comparison findings.
 */
export function applyTableFigures(k: KeyFigures, t: TableFigures, prov: Setter, textLine: (path: string) => number | null): Finding[] {
  const findings: Finding[] = [];
  const sources: [string, (k: KeyFigures) => number | null, (k: KeyFigures, v: number) => void, TableFigure | null][] = [
    ...KEY_SOURCES.map(([p, get, set, keys]) => [p, get, set, keys.map((x) => t.figures[x]).find(Boolean) ?? null] as [string, typeof get, typeof set, TableFigure | null]),
    // 基本支出 / 项目支出 of the department (支出预算总表), as the documents' text states them — not the
    // 财政拨款 or 一般公共预算 split, which differs when 其他资金 exist.
    ['basicExpenditure', (x) => x.basicExpenditure, (x, v) => (x.basicExpenditure = v), t.figures.basicTotal ?? null],
    ['projectExpenditure', (x) => x.projectExpenditure, (x, v) => (x.projectExpenditure = v), t.figures.projectTotal ?? null],
  ];
  for (const [path, get, set, f] of sources) {
    if (!f) continue;
    const text = get(k);
    if (text === null) {
      set(k, toYuan(f.fen));
      prov(`keyFigures.${path}`, f.line);
    } else {
      findings.push(...tableTextDisagrees.run({ figure: path, text, textLine: textLine(`keyFigures.${path}`), table: f }));
    }
  }
  if (t.byFunction && Object.keys(k.expenditureByFunction).length === 0) {
    for (const { label, figure } of t.byFunction) {
      k.expenditureByFunction[label] = toYuan(figure.fen);
      prov(`keyFigures.expenditureByFunction.${label}`, figure.line);
    }
  }
  return findings;
}
