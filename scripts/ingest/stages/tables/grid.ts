/**
 * A table region → its grid: header lines, body rows (科目编码 joined or in separate columns, label,
 * amounts placed in their columns), 合计 rows, the note, and whether the table is empty.
 *
 * Two shapes:
 *  - **grid** (coded tables, 支出总表, 三公…): one row per line; amounts placed in the amount columns by
 *    their right edges, relative to the row's own first amount (pdftotext shifts whole lines, so absolute
 *    positions are not comparable between lines). A label split over the lines around its code row
 *    ("机关事业单位基本养老保险 / 30108 1,064.46 / 缴费") is joined.
 *  - **pairs** (收支总表, 财政拨款收支总表): label/amount pairs side by side (收入 | 支出功能分类 | 支出用途);
 *    each side is read as its own list, so a label wrapped over lines on one side ("三、单位预留机动经 / 费")
 *    keeps its amount even when the other side has a row in between.
 */
import { parseToFen, type AmountUnit } from '../../../../src/domain/money.ts';
import { EMPTY_TABLE_NOTE } from '../../../../src/domain/terms/standard-tables.ts';
import { lineSegments, type LayoutLine, type Segment } from './layout.ts';
import { PAGE_NUMBER } from '../patterns.ts';
import { MARKER, NOTE, isAmount, isBlank, type Region } from './regions.ts';

/** An amount placed in the table. */
export interface Amount {
  /** Text as printed. */
  text: string;
  /** Exact value in 分. */
  fen: number;
  /** Amount column (0-based among the amount columns), or null when its place is ambiguous. */
  col: number | null;
  /** 1-based source line. */
  n: number;
  x0: number;
  x1: number;
}

/** One body row. */
export interface GridRow {
  /** 1-based line of the row's amounts (or of its label when it has none). */
  n: number;
  page?: number;
  /** 科目编码 with its parts joined (2013101), or null. */
  code: string | null;
  /** Label as printed, wrapped parts joined; '' when none. */
  label: string;
  /** Label's left edge. */
  x0: number;
  /** For pairs tables: which side (0 = leftmost label column). */
  side: number;
  amounts: Amount[];
  /** True for a 合计 / 总计 / 小计 row. */
  total: boolean;
  /** The other source lines the row was joined from. */
  extra: number[];
}

export interface Grid {
  region: Region;
  shape: 'grid' | 'pairs';
  /** Header lines, top to bottom, as segments. */
  header: { n: number; segments: Segment[] }[];
  rows: GridRow[];
  /** Right edge of each amount column (grid shape), relative to the first one. */
  columns: number[];
  /** Header label over each amount column (grid shape), '' when none found. */
  columnLabels: string[];
  note: string | null;
  /** The table prints no amounts (empty table, usually with a note saying so). */
  empty: boolean;
  /** 1-based lines the table uses (title, unit, header, rows, notes, furniture). */
  used: number[];
  /** 1-based lines inside the table that could not be placed. */
  unplaced: number[];
}

const TOTAL = /^(?:合计|总计|小计)$|合计$|总计$/;
const CODE = /^\d{3}(?:\d{2}){0,2}$/;
const CODE_PART = /^\d{2}$/;
/** Amount columns a row's amounts may shift by before the placement is called ambiguous. */
const AMBIGUOUS_MARGIN = 2;

interface Draft {
  i: number;
  line: LayoutLine;
  segs: Segment[];
}

/** 科目编码 at the start of a line: "2010350", "201 03 50" (three segments), "301 01". */
function codeOf(segs: Segment[]): { code: string; span: number } | null {
  const c0 = segs[0]?.text ?? '';
  if (!CODE.test(c0)) return null;
  let code = c0;
  let span = 1;
  if (c0.length === 3) {
    while (span < 3 && CODE_PART.test(segs[span]?.text ?? '') && segs[span + 1]) {
      code += segs[span]!.text;
      span++;
    }
  }
  return { code, span };
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');

function fenOf(text: string, unit: AmountUnit): number | null {
  return parseToFen(text, unit);
}

/**
 * Places a row's amounts (right edges `xs`, in order) in the amount columns (right edges `columns`, in
 * order). Cost of a placement: distance of each amount to its column after the best shift of the whole
 * row, plus half the shift (pdftotext shifts some lines as a whole; a shift is the exception, not the
 * rule). Null when two placements cost nearly the same: the place of the amounts is then unknown.
 */
export function place(xs: number[], columns: number[]): number[] | null {
  const m = xs.length;
  const k = columns.length;
  if (m === 0) return [];
  if (m > k) return null;
  if (m === k) return xs.map((_, j) => j);
  let best = Infinity;
  let second = Infinity;
  let bestPick: number[] | null = null;
  const pick: number[] = [];
  const cost = (): number => {
    let min = Infinity;
    for (const s of [0, ...pick.map((c, j) => columns[c]! - xs[j]!)]) {
      let c = Math.abs(s) * 0.5;
      for (let j = 0; j < m; j++) c += Math.abs(xs[j]! + s - columns[pick[j]!]!);
      min = Math.min(min, c);
    }
    return min;
  };
  const visit = (from: number): void => {
    if (pick.length === m) {
      const c = cost();
      if (c < best) {
        second = best;
        best = c;
        bestPick = [...pick];
      } else if (c < second) second = c;
      return;
    }
    for (let c = from; c <= k - (m - pick.length); c++) {
      pick.push(c);
      visit(c + 1);
      pick.pop();
    }
  };
  visit(0);
  return second - best < AMBIGUOUS_MARGIN ? null : bestPick;
}

/** Reads the grid of one region. `lines` are all the document's lines; the region indexes into them. */
export function readGrid(lines: LayoutLine[], region: Region): Grid {
  const unit = region.unit;
  const used = new Set<number>([region.titleAt, region.unitAt, ...region.furniture].map((i) => lines[i]!.n));
  const unplaced: number[] = [];
  const drafts: Draft[] = [];
  const noteLines: string[] = [];
  let inNote = false;
  for (let i = region.unitAt + 1; i < region.end; i++) {
    const line = lines[i]!;
    if (isBlank(line) || region.furniture.includes(i)) continue;
    if (MARKER.test(line.text) || PAGE_NUMBER.test(line.text)) {
      used.add(line.n);
      continue;
    }
    if (inNote || NOTE.test(line.text) || (EMPTY_TABLE_NOTE.test(line.text) && !lineSegments(line).some(isAmount))) {
      inNote = true;
      noteLines.push(line.text.trim());
      used.add(line.n);
      continue;
    }
    drafts.push({ i, line, segs: lineSegments(line) });
  }

  const coded = drafts.filter((d) => {
    const c = codeOf(d.segs);
    return c && d.segs[c.span] && !isAmount(d.segs[c.span]!);
  }).length >= 2;
  const isBody = (d: Draft): boolean => d.segs.some(isAmount) || (coded && codeOf(d.segs) !== null) || (/^(?:合计|总计)$/.test(squeeze(d.segs[0]?.text ?? '')) && d.segs.slice(1).every(isAmount));
  const firstBody = drafts.findIndex(isBody);
  const headerDrafts = firstBody < 0 ? drafts : drafts.slice(0, firstBody);
  const bodyDrafts = firstBody < 0 ? [] : drafts.slice(firstBody);
  const header = headerDrafts.map((d) => ({ n: d.line.n, segments: d.segs }));
  for (const d of headerDrafts) used.add(d.line.n);
  const headerTexts = new Set(headerDrafts.flatMap((d) => d.segs.map((s) => squeeze(s.text))));

  const pairs = region.kind === 'departmentSummary' || region.kind === 'fiscalSummary';
  const rows: GridRow[] = [];
  // Body lines: a header repeated after a page break is furniture.
  const body = bodyDrafts.filter((d) => {
    const repeated = !d.segs.some(isAmount) && d.segs.length > 0 && d.segs.every((s) => headerTexts.has(squeeze(s.text)));
    if (repeated) used.add(d.line.n);
    return !repeated;
  });
  const labelXs: number[] = [];
  if (pairs) readPairs(body, unit, rows, used, unplaced);
  else readLines(body, unit, coded, rows, used, labelXs);

  // Trailing lines that are neither rows with amounts nor aligned with the table's labels are not the
  // table's: the text after it (a heading such as 其他相关情况说明) goes back to the narrative.
  let end = region.end;
  if (!pairs) {
    while (rows.length > 0) {
      const last = rows[rows.length - 1]!;
      if (last.amounts.length > 0 || last.total || last.code || labelXs.some((x) => Math.abs(x - last.x0) <= 2)) break;
      rows.pop();
      for (const n of [last.n, ...last.extra]) used.delete(n);
      end = Math.min(end, lines.findIndex((l) => l.n === last.n));
    }
  }

  // Amount columns (grid shape): right edges of the rows printing the most amounts, relative to their first.
  let columns: number[] = [];
  let columnLabels: string[] = [];
  if (!pairs) {
    const widest = Math.max(0, ...rows.map((r) => r.amounts.length));
    const full = rows.filter((r) => r.amounts.length === widest && widest > 0);
    if (full.length > 0) {
      columns = Array.from({ length: widest }, (_, j) => median(full.map((r) => r.amounts[j]!.x1 - r.amounts[0]!.x1)));
      const anchor = median(full.map((r) => r.amounts[0]!.x1));
      const width = Math.max(...full.map((r) => r.amounts[0]!.x1 - r.amounts[0]!.x0));
      columnLabels = columns.map((c, j) => labelOver(header, anchor + c, j === 0 ? anchor - width - 6 : anchor + columns[j - 1]!));
      for (const r of rows) {
        const at = place(r.amounts.map((a) => a.x1), columns.map((c) => anchor + c));
        r.amounts.forEach((a, j) => (a.col = at ? at[j]! : null));
      }
    }
  }
  const empty = rows.every((r) => r.amounts.length === 0);
  const note = noteLines.length > 0 ? noteLines.join('\n') : null;
  const trimmed = { ...region, end };
  return { region: trimmed, shape: pairs ? 'pairs' : 'grid', header, rows, columns, columnLabels, note, empty, used: [...used].sort((a, b) => a - b), unplaced };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** The header text printed over the column ending at `x1` (between the previous column's right edge and it). */
function labelOver(header: Grid['header'], x1: number, prevX1: number): string {
  const parts: string[] = [];
  for (const h of header) {
    for (const s of h.segments) {
      const centre = (s.x0 + s.x1) / 2;
      if (centre > prevX1 && centre <= x1 + 2) parts.push(squeeze(s.text));
    }
  }
  return parts.join('');
}

/** Grid shape: one row per line, labels wrapped around a code row joined. */
function readLines(body: Draft[], unit: AmountUnit, coded: boolean, rows: GridRow[], used: Set<number>, labelXs: number[]): void {
  let prev: { row: GridRow; i: number } | null = null;
  const pendingText: Draft[] = [];
  const attachPending = (row: GridRow): void => {
    for (const d of pendingText) {
      row.label = squeeze(d.segs.map((s) => s.text).join('')) + row.label;
      row.x0 = d.segs[0]!.x0;
      row.extra.push(d.line.n);
    }
    pendingText.length = 0;
  };
  const flushPendingAsRows = (): void => {
    for (const d of pendingText) {
      const label = squeeze(d.segs.map((s) => s.text).join(''));
      rows.push({ n: d.line.n, page: d.line.page, code: null, label, x0: d.segs[0]!.x0, side: 0, amounts: [], total: TOTAL.test(label), extra: [] });
    }
    pendingText.length = 0;
  };
  for (const d of body) {
    used.add(d.line.n);
    const c = coded ? codeOf(d.segs) : null;
    const rest = c ? d.segs.slice(c.span) : d.segs;
    const texts = rest.filter((s) => !isAmount(s));
    const amounts = rest.filter(isAmount);
    if (!c && amounts.length === 0) {
      // A text-only line: the wrapped part of a neighbour's label, or a row without amounts.
      const above = prev && prev.i === d.i - 1 ? prev.row : null;
      if (above && above.label === '' ) {
        above.label = squeeze(texts.map((s) => s.text).join(''));
        above.extra.push(d.line.n);
        continue;
      }
      if (above && above.code && above.extra.length > 0 && above.label !== '' && d.i === prev!.i + 1 && texts[0] && Math.abs(texts[0].x0 - above.x0) <= 3) {
        above.label += squeeze(texts.map((s) => s.text).join(''));
        above.extra.push(d.line.n);
        continue;
      }
      flushPendingAsRows();
      pendingText.push(d);
      continue;
    }
    const label = squeeze(texts.map((s) => s.text).join(''));
    const row: GridRow = {
      n: d.line.n, page: d.line.page, code: c?.code ?? null, label, x0: texts[0]?.x0 ?? rest[0]?.x0 ?? 0, side: 0,
      amounts: amounts.flatMap((s) => {
        const fen = fenOf(s.text, unit);
        return fen === null ? [] : [{ text: s.text, fen, col: null, n: d.line.n, x0: s.x0, x1: s.x1 }];
      }),
      total: TOTAL.test(label), extra: [],
    };
    if (label === '' && pendingText.length === 1 && pendingText[0]!.i === d.i - 1) attachPending(row);
    else flushPendingAsRows();
    if (row.label && texts[0]) labelXs.push(texts[0].x0);
    rows.push(row);
    prev = { row, i: d.i };
  }
  flushPendingAsRows();
}

interface Cell {
  label: Segment | null;
  amounts: Segment[];
}

const SPANNING = /^(?:当年|上年|本年|结转|收入|支出)/;
const ENUMERATED = /^(?:[一二三四五六七八九十]+、|\d+\.)/;

/** Pairs shape: each line → (label, amounts) cells; each side read as its own list. */
function readPairs(body: Draft[], unit: AmountUnit, rows: GridRow[], used: Set<number>, unplaced: number[]): void {
  // Sides: left edges of labels that start an enumerated row, clustered.
  const starts = body.flatMap((d) => d.segs.filter((s) => !isAmount(s) && ENUMERATED.test(s.text)).map((s) => s.x0)).sort((a, b) => a - b);
  const sides: number[] = [];
  for (const x of starts) if (sides.length === 0 || x - sides[sides.length - 1]! > 8) sides.push(x);
  if (sides.length === 0) return;
  const sideOfX = (x: number): number => {
    let k = 0;
    for (let j = 0; j < sides.length; j++) if (x >= sides[j]! - 6) k = j;
    return k;
  };
  /** The side an amount belongs to: the one whose labels start left of it and whose next side's labels start right of it. */
  const sideOfAmount = (x1: number): number | null => {
    let k: number | null = null;
    for (let j = 0; j < sides.length; j++) if (x1 > sides[j]! + 1) k = j;
    return k;
  };
  // How far right of its label a side's amount ends (median over the enumerated labels followed by an
  // amount; an amount of another side printed after a label is the exception): pdftotext lays out each
  // line on its own, so a side's amounts may cross the next side's label starts.
  const offsets: number[][] = sides.map(() => []);
  for (const d of body) {
    d.segs.forEach((s, j) => {
      const prev = d.segs[j - 1];
      if (isAmount(s) && prev && !isAmount(prev) && ENUMERATED.test(prev.text)) offsets[sideOfX(prev.x0)]!.push(s.x1 - prev.x0);
    });
  }
  const typical = offsets.map((o) => (o.length >= 2 ? median(o) : null));
  const belongs = (label: Segment, s: Segment, next: Segment | undefined): boolean => {
    const k = sideOfX(label.x0);
    if (sideOfAmount(s.x1) === k) return true;
    // Between a label of its side and a label of the next side, an amount can only be the first label's.
    if (next && !isAmount(next) && sideOfX(next.x0) === k + 1) return true;
    const t = typical[k];
    return t !== null && t !== undefined && Math.abs(s.x1 - label.x0 - t) <= 8;
  };
  const perLine = body.map((d) => {
    const cells: Cell[] = [];
    for (const [j, s] of d.segs.entries()) {
      if (isAmount(s)) {
        const last = cells[cells.length - 1];
        // A 合计 / 小计 label spans merged cells: its amount may stand under another side's column.
        const spanning = last?.label && (TOTAL.test(squeeze(last.label.text)) || SPANNING.test(squeeze(last.label.text)));
        if (last && last.label && (spanning || belongs(last.label, s, d.segs[j + 1]))) last.amounts.push(s);
        else cells.push({ label: null, amounts: [s] });
      } else cells.push({ label: s, amounts: [] });
    }
    return { d, cells };
  });
  const open: (GridRow | null)[] = sides.map(() => null);
  for (const { d, cells } of perLine) {
    used.add(d.line.n);
    for (const c of cells) {
      if (c.label) {
        const text = squeeze(c.label.text);
        const k = sideOfX(c.label.x0);
        const cur = open[k];
        const continuation = cur && !ENUMERATED.test(text) && !TOTAL.test(text) && !SPANNING.test(text) && d.line.n - Math.max(cur.n, ...cur.extra) <= 2 && c.label.x0 <= cur.x0 + 2;
        if (continuation && cur) {
          cur.label += text;
          cur.extra.push(d.line.n);
          for (const a of c.amounts) addAmount(cur, a, d.line, unit);
          continue;
        }
        const row: GridRow = { n: d.line.n, page: d.line.page, code: null, label: text, x0: c.label.x0, side: k, amounts: [], total: TOTAL.test(text), extra: [] };
        for (const a of c.amounts) addAmount(row, a, d.line, unit);
        rows.push(row);
        open[k] = row;
      } else {
        // Amounts without a label on their line: the open row of their side, when that row has none yet.
        const k = sideOfAmount(c.amounts[0]!.x1);
        const cur = k === null ? null : open[k];
        if (cur && cur.amounts.length === 0 && d.line.n - cur.n <= 2) {
          for (const a of c.amounts) addAmount(cur, a, d.line, unit);
          cur.extra.push(d.line.n);
        } else unplaced.push(d.line.n);
      }
    }
  }
  rows.sort((a, b) => a.side - b.side || a.n - b.n);
}

function addAmount(row: GridRow, s: Segment, line: LayoutLine, unit: AmountUnit): void {
  const fen = fenOf(s.text, unit);
  if (fen !== null) row.amounts.push({ text: s.text, fen, col: row.amounts.length, n: line.n, x0: s.x0, x1: s.x1 });
}
