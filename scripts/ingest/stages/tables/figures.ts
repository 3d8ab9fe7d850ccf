/**
 * Key figures read from the standard tables, each checked against the table's own totals before it is
 * given: a figure whose table does not add up, or whose column is ambiguous, is missing (with a finding),
 * never guessed. Every figure carries its provenance (table, row label, source line).
 *
 * Amounts here are 分 (tables print 元 with 分 in Shanghai); key figures are whole 元, so a table figure
 * becomes a key figure rounded to the 元 (half up) — see `toYuan`.
 */
import type { AmountUnit } from '../../../../src/domain/money.ts';
import { COLUMN_LABELS, PROCUREMENT_ROWS, SUMMARY_ROWS, THREE_PUBLIC_COLUMNS } from '../../../../src/domain/terms/standard-tables.ts';
import type { Finding } from '../../../../src/domain/schema/finding.ts';
import type { Grid, GridRow } from './grid.ts';
import { tablesDisagree } from '../../checks/tables-disagree.ts';
import { tableNotAddingUp } from '../../checks/table-not-adding-up.ts';

/** One figure read from a table. */
export interface TableFigure {
  /** Exact value in 分. */
  fen: number;
  /** 1-based source line of the cell. */
  line: number;
  /** Id of the table in the record (t3) and its title. */
  table: string;
  title: string;
  /** Row label (or column label) the figure was read from. */
  label: string;
}

export type FigureKey =
  | 'incomeTotal' | 'expenditureTotal' | 'generalBudget' | 'governmentFund'
  | 'basicTotal' | 'projectTotal' | 'reserveTotal'
  | 'generalBudgetBasic' | 'generalBudgetProject' | 'generalBudgetTotal'
  | 'threePublicTotal' | 'outboundTravel' | 'reception' | 'vehicleOperation' | 'vehiclePurchase'
  | 'operatingExpenses' | 'procurementTotal' | 'procurementGoods' | 'procurementWorks' | 'procurementServices';

export interface TableFigures {
  figures: Partial<Record<FigureKey, TableFigure>>;
  /** Total expenditure by function class (类), name → figure, in table order; null when no table gives it. */
  byFunction: { label: string; figure: TableFigure }[] | null;
  findings: Finding[];
}

/** A grid with the id the record gives its table. */
export interface IdentifiedGrid {
  id: string;
  grid: Grid;
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');
const stripLead = (s: string): string => s.replace(/^(?:[一二三四五六七八九十]+、|\d+\.)/, '');

/** Rounding slack of a sum of `n` parts, in 分: one unit of the last printed decimal per part. */
function slack(unit: AmountUnit, rows: { amounts: { text: string }[] }[], n: number): number {
  let decimals = 0;
  for (const r of rows) for (const a of r.amounts) decimals = Math.max(decimals, a.text.includes('.') ? a.text.length - a.text.indexOf('.') - 1 : 0);
  const perUnit = { 元: 100, 千元: 100_000, 万元: 1_000_000, 亿元: 10_000_000_000 }[unit];
  const digit = perUnit / 10 ** decimals;
  return digit <= 1 ? 0 : digit * n;
}

class Collector {
  readonly figures: Partial<Record<FigureKey, TableFigure[]>> = {};
  readonly findings: Finding[] = [];
  byFunction: { label: string; figure: TableFigure }[][] = [];

  add(key: FigureKey, f: TableFigure): void {
    (this.figures[key] ??= []).push(f);
  }

  /** Figures that all tables agree on; a disagreement between tables is a finding (checks/tables-disagree.ts) and no figure. */
  result(): TableFigures {
    const figures: Partial<Record<FigureKey, TableFigure>> = {};
    for (const [key, list] of Object.entries(this.figures) as [FigureKey, TableFigure[]][]) {
      const found = tablesDisagree.run({ figures: list });
      if (found.length) this.findings.push(...found);
      else figures[key] = list[0]!;
    }
    let byFunction: TableFigures['byFunction'] = null;
    if (this.byFunction.length > 0) {
      const found = tablesDisagree.run({ byFunction: this.byFunction });
      if (found.length) this.findings.push(...found);
      else byFunction = this.byFunction[0]!;
    }
    return { figures, byFunction, findings: this.findings };
  }
}

function fig(g: IdentifiedGrid, row: GridRow, fen: number, line: number, label = row.label): TableFigure {
  return { fen, line, table: g.id, title: g.grid.region.title, label };
}

/**
 * Whether `parts` (of `n` parts) add up to one of `totals` within the grid's rounding: the sum check
 * (checks/table-not-adding-up.ts), whose finding, naming `shown` as the total, goes to `out` when they do not.
 */
function addsUp(out: Collector, g: IdentifiedGrid, what: string, totals: number[], shown: number, parts: number, n: number, line: number): boolean {
  const { title, unit } = g.grid.region;
  const found = tableNotAddingUp.run({ title, what, unit, totals, shown, parts, slack: slack(unit, g.grid.rows, n), line });
  out.findings.push(...found);
  return found.length === 0;
}

// ---------------------------------------------------------------------------------------------------
// 收支总表 and 财政拨款收支总表 (pairs).

function readSummary(g: IdentifiedGrid, out: Collector): void {
  const rows = g.grid.rows;
  const find = (re: RegExp, side?: number): GridRow | undefined => rows.find((r) => (side === undefined || r.side === side) && re.test(r.label));
  // A blank cell is 0 only when every amount of the table found its row: an amount left unplaced may be its.
  const blankIsZero = g.grid.unplaced.length === 0;
  const amount = (r: GridRow | undefined): number | null => (r && r.amounts.length === 1 ? r.amounts[0]!.fen : r && r.amounts.length === 0 && blankIsZero ? 0 : null);
  const inc = find(SUMMARY_ROWS.incomeTotal);
  const exp = find(SUMMARY_ROWS.expenditureTotal);
  const incFen = inc?.amounts[0]?.fen ?? null;
  const expFen = exp?.amounts[0]?.fen ?? null;
  const fiscalTable = g.grid.region.kind === 'fiscalSummary';
  if (inc && exp && incFen !== null && expFen !== null) {
    if (!addsUp(out, g, '收入合计与支出合计', [incFen], incFen, expFen, 0, exp.n)) return;
    if (!fiscalTable) {
      out.add('incomeTotal', fig(g, inc, incFen, inc.amounts[0]!.n));
      out.add('expenditureTotal', fig(g, exp, expFen, exp.amounts[0]!.n));
    }
  } else return;
  const total = incFen;
  // Income: 一般公共预算 + 政府性基金 (+ 国有资本经营预算) = 财政拨款 (or = 收入合计 in 财政拨款收支总表).
  const incomeSide = inc.side;
  const gb = find(SUMMARY_ROWS.generalBudget, incomeSide);
  const gf = find(SUMMARY_ROWS.governmentFund, incomeSide);
  const sc = find(SUMMARY_ROWS.stateCapital, incomeSide);
  const fiscal = fiscalTable ? inc : find(SUMMARY_ROWS.fiscal, incomeSide);
  const fiscalFen = fiscal ? (fiscal === inc ? total : amount(fiscal)) : null;
  const gbFen = amount(gb);
  const gfFen = amount(gf);
  const scFen = sc ? amount(sc) : 0;
  if (gb && gf && fiscal && fiscalFen !== null && gbFen !== null && gfFen !== null && scFen !== null) {
    if (addsUp(out, g, '财政拨款收入', [fiscalFen], fiscalFen, gbFen + gfFen + scFen, sc ? 3 : 2, fiscal.n)) {
      out.add('generalBudget', fig(g, gb, gbFen, gb.amounts[0]?.n ?? gb.n));
      out.add('governmentFund', fig(g, gf, gfFen, gf.amounts[0]?.n ?? gf.n));
    }
  }
  // Expenditure by kind: 基本支出 + 项目支出 (+ 单位预留机动经费) = 支出合计 (or 当年支出小计).
  const basic = find(SUMMARY_ROWS.basic);
  const project = find(SUMMARY_ROWS.project);
  const reserve = find(SUMMARY_ROWS.reserve);
  const subtotal = rows.find((r) => r.side !== incomeSide && /^当年支出小计$|^本年支出合计$/.test(r.label));
  const targets = [total, amount(subtotal)].filter((x): x is number => x !== null && x > 0);
  if (basic && project) {
    const b = amount(basic);
    const p = amount(project);
    const r = reserve ? amount(reserve) : 0;
    if (b !== null && p !== null && r !== null) {
      const n = reserve ? 3 : 2;
      if (addsUp(out, g, '支出（按用途）', targets, targets[0] ?? total, b + p + r, n, basic.n)) {
        const keys = fiscalTable ? (['generalBudgetBasic', 'generalBudgetProject'] as const) : (['basicTotal', 'projectTotal'] as const);
        // In the 财政拨款收支总表 the kinds are of 财政拨款: 一般公共预算 only when no 政府性基金 is appropriated.
        if (!fiscalTable || gfFen === 0) {
          out.add(keys[0], fig(g, basic, b, basic.amounts[0]?.n ?? basic.n));
          out.add(keys[1], fig(g, project, p, project.amounts[0]?.n ?? project.n));
          if (reserve && !fiscalTable) out.add('reserveTotal', fig(g, reserve, r, reserve.amounts[0]?.n ?? reserve.n));
        }
      }
    }
  }
  // Function classes (一、一般公共服务支出 …) on the expenditure side, blank rows left out.
  if (fiscalTable) return;
  const classes = rows.filter((r) => r.side !== incomeSide && SUMMARY_ROWS.functionClass.test(r.label) && !SUMMARY_ROWS.basic.test(r.label) && !SUMMARY_ROWS.project.test(r.label) && !SUMMARY_ROWS.reserve.test(r.label));
  if (classes.length === 0) return;
  if (classes.some((r) => r.amounts.length > 1)) return;
  const list = classes.filter((r) => r.amounts.length === 1 && r.amounts[0]!.fen !== 0);
  const s = list.reduce((acc, r) => acc + r.amounts[0]!.fen, 0);
  if (addsUp(out, g, '按功能分类的支出', targets, targets[0] ?? total, s, list.length, classes[0]!.n)) {
    out.byFunction.push(list.map((r) => ({ label: stripLead(r.label), figure: fig(g, r, r.amounts[0]!.fen, r.amounts[0]!.n, stripLead(r.label)) })));
  }
}

// ---------------------------------------------------------------------------------------------------
// Grid tables: 支出总表, 一般公共预算支出表, 机关运行经费表, 政府采购表.

/** The column whose header label matches, or -1 (also -1 when two columns match). */
function columnOf(g: Grid, re: RegExp): number {
  const hits = g.columnLabels.map((l, k) => (re.test(l) ? k : -1)).filter((k) => k >= 0);
  return hits.length === 1 ? hits[0]! : -1;
}

/** The row giving the table's totals: its 合计 row, or its only row with amounts and no label (支出总表 of Jiangsu). */
function totalRow(g: Grid): GridRow | null {
  const totals = g.rows.filter((r) => r.total && /^(?:合计|总计)$/.test(r.label));
  if (totals.length === 1) return totals[0]!;
  if (totals.length > 1) return null;
  const withAmounts = g.rows.filter((r) => r.amounts.length > 0);
  return withAmounts.length === 1 && withAmounts[0]!.label === '' && !withAmounts[0]!.code ? withAmounts[0]! : null;
}

const cell = (r: GridRow, col: number): number | null => {
  if (col < 0 || r.amounts.some((a) => a.col === null)) return null;
  return r.amounts.find((a) => a.col === col)?.fen ?? 0;
};

/** Reads 合计 / 基本支出 / 项目支出 (/ 单位预留机动经费) of a table's total row, and its function classes. */
function readKinds(g: IdentifiedGrid, out: Collector, keys: { basic: FigureKey; project: FigureKey; reserve?: FigureKey; total?: FigureKey }, classes: boolean): void {
  const grid = g.grid;
  const row = totalRow(grid);
  if (!row || row.amounts.length === 0) return;
  const totalCol = grid.columns.length === 1 ? 0 : columnOf(grid, /^(?:合计|总计|金额)$|合计$/);
  const bCol = columnOf(grid, /基本支出$/);
  const pCol = columnOf(grid, /项目支出$/);
  const rCol = columnOf(grid, COLUMN_LABELS.reserve);
  const total = cell(row, totalCol);
  if (total === null) return;
  if (keys.total) out.add(keys.total, fig(g, row, total, row.n, '合计'));
  if (bCol >= 0 && pCol >= 0) {
    const b = cell(row, bCol);
    const p = cell(row, pCol);
    const r = rCol >= 0 ? cell(row, rCol) : 0;
    if (b !== null && p !== null && r !== null) {
      if (addsUp(out, g, '合计行（基本支出、项目支出）', [total], total, b + p + r, rCol >= 0 ? 3 : 2, row.n)) {
        out.add(keys.basic, fig(g, row, b, row.n, grid.columnLabels[bCol]!));
        out.add(keys.project, fig(g, row, p, row.n, grid.columnLabels[pCol]!));
        if (keys.reserve && rCol >= 0) out.add(keys.reserve, fig(g, row, r, row.n, grid.columnLabels[rCol]!));
      }
    }
  }
  if (!classes) return;
  const classRows = grid.rows.filter((r) => r.code && r.code.length === 3);
  if (classRows.length === 0) return;
  const values = classRows.map((r) => cell(r, totalCol));
  if (values.some((v) => v === null)) return;
  const s = (values as number[]).reduce((a, b) => a + b, 0);
  if (!addsUp(out, g, '各类科目', [total], total, s, classRows.length, row.n)) return;
  if (keys.total === 'expenditureTotal') {
    out.byFunction.push(classRows.flatMap((r, k) => (values[k] ? [{ label: r.label, figure: fig(g, r, values[k]!, r.n) }] : [])));
  }
}

function readOperating(g: IdentifiedGrid, out: Collector): void {
  const row = totalRow(g.grid);
  if (!row || row.amounts.length !== 1 || g.grid.columns.length !== 1) return;
  const total = row.amounts[0]!.fen;
  const classRows = g.grid.rows.filter((r) => r.code && r.code.length === 3);
  const s = classRows.reduce((a, r) => a + (r.amounts[0]?.fen ?? 0), 0);
  if (classRows.length > 0 && !addsUp(out, g, '各类科目', [total], total, s, classRows.length, row.n)) return;
  out.add('operatingExpenses', fig(g, row, total, row.n, '合计'));
}

function readProcurement(g: IdentifiedGrid, out: Collector): void {
  const grid = g.grid;
  const row = totalRow(grid);
  if (!row || row.amounts.length !== 1) return;
  const total = row.amounts[0]!.fen;
  const kinds = (['goods', 'works', 'services'] as const).map((k) => {
    const rs = grid.rows.filter((r) => PROCUREMENT_ROWS[k].test(r.label));
    return rs.length === 1 && rs[0]!.amounts.length === 1 ? rs[0]! : rs.length === 0 ? null : undefined;
  });
  if (kinds.some((k) => k === undefined) || kinds.every((k) => k === null)) {
    out.add('procurementTotal', fig(g, row, total, row.n, '合计'));
    return;
  }
  const s = kinds.reduce((a, r) => a + (r ? r.amounts[0]!.fen : 0), 0);
  if (!addsUp(out, g, '货物、工程、服务', [total], total, s, 3, row.n)) return;
  out.add('procurementTotal', fig(g, row, total, row.n, '合计'));
  const keys = ['procurementGoods', 'procurementWorks', 'procurementServices'] as const;
  kinds.forEach((r, k) => out.add(keys[k]!, r ? fig(g, r, r.amounts[0]!.fen, r.n) : { fen: 0, line: row.n, table: g.id, title: grid.region.title, label: `${['货物', '工程', '服务'][k]}（表中无此类，为0）` }));
}

// ---------------------------------------------------------------------------------------------------
// “三公” tables: one row of amounts under a multi-row header with merged cells; cells may be blank.

type TpCol = keyof typeof THREE_PUBLIC_COLUMNS | 'subtotal';

/** The 三公 table's columns in printed order, from the header's vocabulary. Null when not recognisable. */
function threePublicColumns(g: Grid): TpCol[] | null {
  const text = g.header.map((h) => h.segments.map((s) => squeeze(s.text)).join(' ')).join(' ');
  const has = (re: RegExp): boolean => re.test(text.replace(/\s+/g, ''));
  const meetings = has(THREE_PUBLIC_COLUMNS.meetings) && has(THREE_PUBLIC_COLUMNS.training);
  const operating = has(THREE_PUBLIC_COLUMNS.operatingExpenses);
  const outbound = has(/因公出|出国/);
  const reception = has(/公务接|接待/);
  const vehicles = has(/公务用车/);
  if (!outbound || !reception || !vehicles) return null;
  // Column order as the two families print it (read from the header's left-to-right order of 出国 and 接待).
  const order = (re: RegExp): number => {
    for (const h of g.header) for (const s of h.segments) if (re.test(squeeze(s.text))) return s.x0;
    return -1;
  };
  const vehicleCols: TpCol[] = ['vehicles', 'vehiclePurchase', 'vehicleOperation'];
  const receptionFirst = order(/接待|公务接/) < order(/^公务用车购置及运行|^公务用车$|^小计$/);
  const core: TpCol[] = receptionFirst ? ['outboundTravel', 'reception', ...vehicleCols] : ['outboundTravel', ...vehicleCols, 'reception'];
  if (meetings) return ['total', 'subtotal', ...core, 'meetings', 'training', ...(operating ? ['operatingExpenses' as TpCol] : [])];
  return ['subtotal', ...core, ...(operating ? ['operatingExpenses' as TpCol] : [])];
}

/** Assignments of the row's values to the columns (order kept, blanks 0) that satisfy the table's sums. */
function solveThreePublic(values: number[], cols: TpCol[], tol: (n: number) => number): Map<TpCol, number>[] {
  const out: Map<TpCol, number>[] = [];
  const pick: number[] = [];
  const ok = (m: Map<TpCol, number>): boolean => {
    const v = (c: TpCol): number => m.get(c) ?? 0;
    const near = (a: number, b: number, n: number): boolean => Math.abs(a - b) <= tol(n);
    if (!near(v('vehicles'), v('vehiclePurchase') + v('vehicleOperation'), 2)) return false;
    if (!near(v('subtotal'), v('outboundTravel') + v('reception') + v('vehicles'), 3)) return false;
    if (cols.includes('total') && !near(v('total'), v('subtotal') + v('meetings') + v('training'), 3)) return false;
    return true;
  };
  const visit = (from: number): void => {
    if (pick.length === values.length) {
      const m = new Map<TpCol, number>();
      pick.forEach((c, j) => m.set(cols[c]!, values[j]!));
      if (ok(m)) out.push(m);
      return;
    }
    for (let c = from; c <= cols.length - (values.length - pick.length); c++) {
      pick.push(c);
      visit(c + 1);
      pick.pop();
    }
  };
  visit(0);
  return out;
}

/** Header words of the two vehicle columns, by their centres. */
const VEHICLE_WORDS: [TpCol, RegExp][] = [['vehiclePurchase', /^(?:公务用车)?购置?费?$|^公务用车购$|^置费$/], ['vehicleOperation', /^(?:公务用车)?运行(?:维护)?费?$|^公务用车运$|^行维护费$|^运行维护$/]];

function nearest(solutions: Map<TpCol, number>[], row: GridRow, grid: Grid): Map<TpCol, number> | undefined {
  if (solutions.length < 2) return undefined;
  const centres = new Map<TpCol, number[]>();
  for (const h of grid.header) {
    for (const s of h.segments) {
      const t = squeeze(s.text);
      for (const [col, re] of VEHICLE_WORDS) if (re.test(t)) (centres.get(col) ?? centres.set(col, []).get(col)!).push((s.x0 + s.x1) / 2);
    }
  }
  if (!centres.has('vehiclePurchase') || !centres.has('vehicleOperation')) return undefined;
  const cols = threePublicColumns(grid)!;
  const scored = solutions.map((m) => {
    // Which amounts each reading puts under the vehicle columns: re-derive the placement from the values' order.
    let cost = 0;
    const placed = [...m.entries()].sort((a, b) => cols.indexOf(a[0]) - cols.indexOf(b[0]));
    placed.forEach(([col], j) => {
      const cs = centres.get(col);
      const a = row.amounts[j]!;
      if (cs) cost += Math.min(...cs.map((c) => Math.abs(c - (a.x0 + a.x1) / 2)));
    });
    return { m, cost };
  }).sort((a, b) => a.cost - b.cost);
  return scored[1]!.cost - scored[0]!.cost >= 3 ? scored[0]!.m : undefined;
}

function readThreePublic(g: IdentifiedGrid, out: Collector): void {
  const grid = g.grid;
  const cols = threePublicColumns(grid);
  const rows = grid.rows.filter((r) => r.amounts.length > 0);
  if (!cols || rows.length !== 1) return;
  const row = rows[0]!;
  const values = row.amounts.map((a) => a.fen);
  const solutions = solveThreePublic(values, cols, (n) => slack(grid.region.unit, rows, n));
  const keys: [TpCol, FigureKey][] = [
    ['subtotal', 'threePublicTotal'], ['outboundTravel', 'outboundTravel'], ['reception', 'reception'],
    ['vehicleOperation', 'vehicleOperation'], ['vehiclePurchase', 'vehiclePurchase'], ['operatingExpenses', 'operatingExpenses'],
  ];
  if (solutions.length === 0) {
    out.findings.push({ severity: 'warning', code: 'table.not-adding-up', message: `表「${grid.region.title}」的数字无法与表头各列对应且相加一致，“三公”经费各项不采用`, line: row.n });
    return;
  }
  // Several readings add up (a blank cell under 购置费 or 运行费): the one whose amounts stand under the
  // header words of their columns, when it is clearly nearer than the others; else only the figures all
  // readings agree on.
  const chosen = nearest(solutions, row, grid) ?? null;
  if (chosen) solutions.splice(0, solutions.length, chosen);
  for (const [col, key] of keys) {
    if (!cols.includes(col)) continue;
    const vals = new Set(solutions.map((m) => m.get(col) ?? 0));
    if (vals.size !== 1) continue;
    const fen = [...vals][0]!;
    const label = { subtotal: '“三公”经费小计', outboundTravel: '因公出国（境）费', reception: '公务接待费', vehicleOperation: '公务用车运行（维护）费', vehiclePurchase: '公务用车购置费', operatingExpenses: '机关运行经费' }[col as string] ?? col;
    out.add(key, fig(g, row, fen, row.n, label));
  }
}

/** Reads the key figures of every recognised table. */
export function tableFigures(grids: IdentifiedGrid[]): TableFigures {
  const out = new Collector();
  for (const g of grids) {
    if (g.grid.empty) continue;
    switch (g.grid.region.kind) {
      case 'departmentSummary':
      case 'fiscalSummary':
        readSummary(g, out);
        break;
      case 'departmentExpenditure':
        readKinds(g, out, { basic: 'basicTotal', project: 'projectTotal', reserve: 'reserveTotal', total: 'expenditureTotal' }, true);
        break;
      case 'generalBudgetExpenditure':
        readKinds(g, out, { basic: 'generalBudgetBasic', project: 'generalBudgetProject', total: 'generalBudgetTotal' }, false);
        break;
      case 'basicExpenditure': {
        const row = totalRow(g.grid);
        if (row && row.amounts.length >= 1 && row.amounts[0]!.col === 0) out.add('generalBudgetBasic', fig(g, row, row.amounts[0]!.fen, row.n, '合计'));
        break;
      }
      case 'operatingExpenses':
        readOperating(g, out);
        break;
      case 'procurement':
        readProcurement(g, out);
        break;
      case 'threePublic':
        readThreePublic(g, out);
        break;
      default:
        break;
    }
  }
  return out.result();
}
