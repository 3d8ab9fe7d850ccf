/**
 * Stage 4 — tables: the attached tables (附表) that follow the narrative → tables, performance-target
 * forms and consistency findings.
 *
 * Layout (office tables flattened to text, see seeds/004): a title line (possibly wrapped over two lines,
 * possibly followed by a parenthesised subtitle), a unit line (单位：万元 / 金额单位：元), then rows. Each
 * cell is one line starting with a TAB; a blank line ends a row. Unit lines and 附件N markers may also
 * stand just before the title. Notes (说明：…, 本单位无…) follow the rows. Page footers (— 10 —) may
 * appear anywhere.
 *
 * Every line this stage places goes into `used`; anything it cannot place is left out so the caller can
 * publish it as unrecognised. The scan is a single forward pass with bounded look-ahead (linear).
 */
import type { Line } from './normalize.ts';
import { PAGE_NUMBER, UNIT_NOTE_SRC } from './patterns.ts';
import { TABLE_TITLES } from '../templates/index.ts';
import type { TableKind } from '../../../src/domain/terms/table-kinds.ts';
import type { Table } from '../../../src/domain/schema/table.ts';
import type { TableCell } from '../../../src/domain/schema/table-cell.ts';
import type { TableRow } from '../../../src/domain/schema/table-row.ts';
import type { PerformanceTarget } from '../../../src/domain/schema/performance-target.ts';
import type { Indicator } from '../../../src/domain/schema/indicator.ts';
import type { Finding } from '../../../src/domain/schema/finding.ts';
import { parseToFen, parseToYuan, type AmountUnit } from '../../../src/domain/money.ts';
import { tableSums } from '../checks/table-sums.ts';


export interface TablesOptions {
  /**
   * Rounding slack for the sum checks, per child row, in units of the table's last printed decimal
   * (for a table printing 万元 with two decimals, 1 = 0.01万元 per child); 0 = exact. Default: 1 when the
   * table prints coarser than 分 (the document rounds), 0 when it prints 分 (元 with two decimals).
   */
  roundingSlackPerChild?: number;
}

export interface TablesResult {
  tables: Table[];
  performanceTargets: PerformanceTarget[];
  /** 1-based line numbers consumed (titles, unit lines, markers, cells, blank lines inside tables, notes, footers). */
  used: Set<number>;
  findings: Finding[];
}

/** Derives a table's kind from the vocabulary of its title (matching form), as the templates declare it. */
export function tableKind(title: string): TableKind {
  const t = title.replace(/\s+/g, '');
  for (const { kind, re } of TABLE_TITLES) if (re.test(t)) return kind;
  return 'other';
}

// ---------------------------------------------------------------------------------------------------
// Line patterns (all on the matching form `text`: full-width ASCII already mapped to ASCII).

const UNIT_ONLY = new RegExp(String.raw`^\s*${UNIT_NOTE_SRC}\s*$`);
const UNIT_ANY = new RegExp(String.raw`${UNIT_NOTE_SRC}(?![\u4e00-\u9fff])`);
const MARKER = /^\s*附[件表]\s*\d+(?:-\d+)?\s*:?\s*$/;
const NOTE = /^\s*(?:说明|注|备注)\s*\d*\s*:/;
const EMPTY_NOTE = /^\s*(?:本单位|本部门|我单位|本表|此表|该表).{0,80}(?:无|没有|未|为空|空表)/;
const NOTE_CONTINUATION = /^\s*\d+\s*[.、]/;
const SUBTITLE = /^\([^()]{1,40}\)$/;
const TITLE_END = /表\s*(?:\([^()]{1,40}\))?$/;
const TITLE_VOCAB = /预算|收支|收入|支出|经费|采购|绩效|\d{4}\s*年/;
const SENTENCE = /[。;!?,]/;
const YEAR = /\d{4}\s*年/;
const TOTAL = /^(?:合\s*计|总\s*计)\s*:?$/;
/** Pre-row lines a title may be followed by before its unit line or first cell (编制部门：… and the like). */
const MAX_SKIPPED_BEFORE_ROWS = 3;
/** Blank lines a wrapped title may have between its two halves. */
const MAX_TITLE_GAP = 3;

const isBlank = (l: Line): boolean => !l.text.includes('\t') && l.text.trim() === '';
const isCell = (l: Line): boolean => l.text.startsWith('\t');

function isTitle(t: string): boolean {
  return t.length >= 4 && t.length <= 100 && !t.includes('\t') && TITLE_END.test(t) && TITLE_VOCAB.test(t) && !SENTENCE.test(t);
}

interface TitleMatch {
  title: string;
  idx: number[];
  next: number;
}

/** A title starting at lines[i]: one line, or a line wrapped before its last few characters. */
function readTitle(lines: Line[], i: number, end: number): TitleMatch | null {
  const first = lines[i]!;
  const t = first.text.trim();
  if (isTitle(t)) return { title: first.display.trim(), idx: [i], next: i + 1 };
  if (t.length > 80 || SENTENCE.test(t) || !TITLE_VOCAB.test(t) || t.includes('\t')) return null;
  let j = i + 1;
  while (j < end && j <= i + MAX_TITLE_GAP && isBlank(lines[j]!)) j++;
  const second = lines[j];
  if (j >= end || !second || isCell(second)) return null;
  const u = second.text.trim();
  // A second half that is a title on its own (has a year, or is long) is the next table, not a wrap.
  if (u.length === 0 || u.length > 12 || YEAR.test(u) || !isTitle(t + u)) return null;
  return { title: first.display.trim() + second.display.trim(), idx: [i, j], next: j + 1 };
}

function unitOf(text: string): { unit: AmountUnit; only: boolean } | null {
  if (text.length > 80) return null;
  const only = UNIT_ONLY.exec(text);
  if (only) return { unit: only[1] as AmountUnit, only: true };
  const any = UNIT_ANY.exec(text);
  return any ? { unit: any[1] as AmountUnit, only: false } : null;
}

// ---------------------------------------------------------------------------------------------------
// Pass 1: group lines into draft tables.

interface RawCell {
  display: string;
  text: string;
  /** 1-based source line. */
  n: number;
}

interface Draft {
  title: string;
  /** Indices of lines consumed by the table (title, subtitle, unit, markers, cells, notes). */
  consumed: number[];
  unit: AmountUnit | null;
  rows: RawCell[][];
  row: RawCell[] | null;
  cellLines: number;
  noteLines: string[];
  inNote: boolean;
  skipped: number;
  subtitled: boolean;
  /** First and last 1-based line of the table, set when it is finished. */
  startLine: number;
  endLine: number;
}

interface Pending {
  idx: number[];
  unit: AmountUnit | null;
}

const noPending = (): Pending => ({ idx: [], unit: null });

function closeRow(d: Draft | null): void {
  if (d?.row) {
    d.rows.push(d.row);
    d.row = null;
  }
}

function addCells(d: Draft, line: Line, i: number): void {
  const texts = line.text.slice(1).split('\t');
  const displays = line.display.slice(1).split('\t');
  d.row ??= [];
  texts.forEach((text, k) => d.row!.push({ text, display: displays[k] ?? text, n: line.n }));
  d.consumed.push(i);
  d.cellLines++;
  d.inNote = false;
}

function groupDrafts(lines: Line[], start: number, end: number, used: Set<number>): Draft[] {
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  let pending = noPending();

  const finish = (): void => {
    if (!cur) return;
    closeRow(cur);
    if (cur.cellLines > 0 || cur.noteLines.length > 0) {
      let first = end;
      let last = start;
      for (const i of cur.consumed) {
        used.add(lines[i]!.n);
        first = Math.min(first, i);
        last = Math.max(last, i);
      }
      for (let i = first; i <= last; i++) if (isBlank(lines[i]!)) used.add(lines[i]!.n);
      cur.startLine = lines[first]!.n;
      cur.endLine = lines[last]!.n;
      drafts.push(cur);
    }
    cur = null;
  };

  for (let i = start; i < end; ) {
    const line = lines[i]!;
    const text = line.text;
    if (isCell(line)) {
      if (cur) addCells(cur, line, i);
      else pending = noPending();
      i++;
      continue;
    }
    if (isBlank(line)) {
      closeRow(cur);
      i++;
      continue;
    }
    if (PAGE_NUMBER.test(text)) {
      // A page footer belongs to the table it interrupts or ends, so the table's line range covers it.
      // Outside any table it is left unused: the caller lists it as unrecognised (nothing is lost).
      if (cur) {
        cur.consumed.push(i);
        used.add(line.n);
      }
      i++;
      continue;
    }
    closeRow(cur);
    const unit = unitOf(text);
    if (unit) {
      const d: Draft | null = cur;
      if (d && d.rows.length === 0) {
        if (d.unit === null) {
          d.unit = unit.unit;
          if (unit.only) d.consumed.push(i);
        }
      } else {
        finish();
        pending.unit = unit.unit;
        if (unit.only) pending.idx.push(i);
      }
      i++;
      continue;
    }
    if (MARKER.test(text)) {
      finish();
      pending.idx.push(i);
      i++;
      continue;
    }
    if (cur && (NOTE.test(text) || EMPTY_NOTE.test(text) || (cur.inNote && NOTE_CONTINUATION.test(text)))) {
      cur.noteLines.push(line.display.trim());
      cur.consumed.push(i);
      cur.inNote = true;
      i++;
      continue;
    }
    const title = readTitle(lines, i, end);
    if (title) {
      finish();
      cur = {
        title: title.title,
        consumed: [...pending.idx, ...title.idx],
        unit: pending.unit,
        rows: [],
        row: null,
        cellLines: 0,
        noteLines: [],
        inNote: false,
        skipped: 0,
        subtitled: false,
        startLine: 0,
        endLine: 0,
      };
      pending = noPending();
      i = title.next;
      continue;
    }
    const d: Draft | null = cur;
    if (d && d.cellLines === 0 && !d.subtitled && SUBTITLE.test(text.trim())) {
      d.title += line.display.trim();
      d.subtitled = true;
      d.consumed.push(i);
      i++;
      continue;
    }
    // Unplaced: tolerated between a title and its rows, otherwise the table ends here.
    if (d && d.rows.length === 0 && d.cellLines === 0 && d.skipped < MAX_SKIPPED_BEFORE_ROWS) d.skipped++;
    else finish();
    pending = noPending();
    i++;
  }
  finish();
  return drafts;
}

// ---------------------------------------------------------------------------------------------------
// Pass 2: rows → header, body, codes, amounts.

const LEVELS = { 3: 'class', 5: 'section', 7: 'item' } as const;

interface CodeMatch {
  code: string;
  /** Leading cells holding the code (the code may also be inline with the name in cell 0: span 1). */
  span: number;
}

/** True when the first non-empty cell from `from` on is a name (text, not a number). */
function followedByName(texts: string[], from: number): boolean {
  for (let k = from; k < texts.length; k++) {
    const t = texts[k]!;
    if (t !== '') return /[^\d.,\s+-]/.test(t);
  }
  return false;
}

/** 科目编码 at the start of a row: "2010350", "201 03 50", "201"|"03"|"50" in three cells, or "2010350 事业运行". */
function detectCode(texts: string[]): CodeMatch | null {
  const c0 = texts[0] ?? '';
  if (/^\d{3}$/.test(c0)) {
    let code = c0;
    let span = 1;
    if (/^\d{2}$/.test(texts[1] ?? '')) {
      code += texts[1];
      span = 2;
      if (/^\d{2}$/.test(texts[2] ?? '')) {
        code += texts[2];
        span = 3;
      }
    }
    return followedByName(texts, span) ? { code, span } : null;
  }
  if (/^\d{3}(?:\s*\d{2}){1,2}$/.test(c0)) {
    return followedByName(texts, 1) ? { code: c0.replace(/\s+/g, ''), span: 1 } : null;
  }
  const inline = /^(\d{3}(?:\s*\d{2}){0,2})(?:\s+|\s*-\s*)[^\d\s-]/.exec(c0);
  return inline ? { code: inline[1]!.replace(/\s+/g, ''), span: 1 } : null;
}

interface AnalysedRow {
  cells: RawCell[];
  code: CodeMatch | null;
  total: boolean;
  fens: (number | null)[];
}

function analyseRow(cells: RawCell[], unit: AmountUnit, amounts: boolean): AnalysedRow {
  const texts = cells.map((c) => c.text.trim());
  const code = amounts ? detectCode(texts) : null;
  const firstText = texts.find((t) => t !== '') ?? '';
  const fens = texts.map((t, k) => (!amounts || (code && k < code.span) ? null : parseToFen(t, unit)));
  return { cells, code, total: TOTAL.test(firstText), fens };
}

/**
 * A 合计 label printed in a merged cell (科目编码 + 科目名称) leaves its row one or more cells short on the
 * left. When coded rows put their first amount in column L, a row without a code whose first amount comes
 * before L gets empty cells inserted so its amounts line up.
 */
function alignToCodedRows(rows: AnalysedRow[]): void {
  let firstAmount = Infinity;
  for (const r of rows) {
    if (!r.code) continue;
    const k = r.fens.findIndex((f) => f !== null);
    if (k >= 0) firstAmount = Math.min(firstAmount, k);
  }
  if (firstAmount === Infinity) return;
  for (const r of rows) {
    if (r.code) continue;
    const k = r.fens.findIndex((f) => f !== null);
    if (k < 0 || k >= firstAmount) continue;
    const gap = firstAmount - k;
    const n = r.cells[Math.max(0, k - 1)]!.n;
    r.cells = [...r.cells.slice(0, k), ...Array.from({ length: gap }, () => ({ display: '', text: '', n })), ...r.cells.slice(k)];
    r.fens = [...r.fens.slice(0, k), ...Array.from({ length: gap }, () => null), ...r.fens.slice(k)];
  }
}

/** A row that starts the body: it has a code or an amount, or is a 合计 row followed by nothing but amounts. */
function startsBody(a: AnalysedRow): boolean {
  if (a.code !== null || a.fens.some((f) => f !== null)) return true;
  if (!a.total) return false;
  const texts = a.cells.map((c) => c.text.trim()).filter((t) => t !== '');
  return texts.length === 1;
}

const lastNonEmpty = (r: RawCell[]): number => {
  for (let k = r.length - 1; k >= 0; k--) if (r[k]!.text.trim() !== '') return k;
  return -1;
};

function toTableRow(a: AnalysedRow, width: number): TableRow {
  const line = a.cells[0]!.n;
  const lastLine = a.cells[a.cells.length - 1]!.n;
  const cells: TableCell[] = [];
  for (let k = 0; k < width; k++) {
    const c = a.cells[k];
    cells.push(c ? { text: c.display.trim(), fen: a.fens[k] ?? null, line: c.n } : { text: '', fen: null, line: lastLine });
  }
  const code = a.code?.code ?? null;
  const level = code ? (LEVELS[code.length as 3 | 5 | 7] ?? null) : null;
  return {
    cells,
    code: level ? code : null,
    level,
    parentCode: level === 'section' ? code!.slice(0, 3) : level === 'item' ? code!.slice(0, 5) : null,
    total: a.total,
    line,
  };
}

// ---------------------------------------------------------------------------------------------------
// 项目绩效目标表: label/value form + indicator grid.

const LABEL = /^(.{1,30}?)\s*[:：]$/;
const INLINE_LABEL = /^([^:：\d]{1,16})[:：]\s*(\S.*)$/;
const INDICATOR_COLUMNS = {
  level1: /^一级指标$/,
  level2: /^二级指标$/,
  level3: /^三级指标$/,
  nature: /^指标性质$/,
  value: /^指标值$/,
  unit: /^(度量|计量)单位$/,
  weight: /^权重/,
} as const;

type IndicatorColumn = keyof typeof INDICATOR_COLUMNS;

function newTarget(line: number): PerformanceTarget {
  return { project: '', totalYuan: null, objective: null, fields: [], indicators: [], line };
}

function setField(t: PerformanceTarget, label: string, value: string, line: number, valueText: string): void {
  if (/^项目名称$/.test(label)) t.project = value;
  else if (/^项目总额/.test(label)) t.totalYuan = parseToYuan(valueText.trim(), label.includes('万元') ? '万元' : '元');
  else if (/^(整体|总体|年度)目标$/.test(label)) t.objective = value;
  else t.fields.push({ label, value, line });
}

/** Parses performance-target forms (several may follow each other under one title). */
function parseTargets(rows: RawCell[][]): PerformanceTarget[] {
  const targets: PerformanceTarget[] = [];
  let cur: PerformanceTarget | null = null;
  let columns: Partial<Record<IndicatorColumn, number>> | null = null;
  let prev: Indicator | null = null;

  for (const row of rows) {
    const labels = row.map((c) => c.display.trim());
    const first = row[0]!.n;
    if (labels.includes('一级指标') && labels.includes('三级指标')) {
      cur ??= newTarget(first);
      if (!targets.includes(cur)) targets.push(cur);
      columns = {};
      for (const [key, re] of Object.entries(INDICATOR_COLUMNS) as [IndicatorColumn, RegExp][]) {
        const k = labels.findIndex((l) => re.test(l));
        if (k >= 0) columns[key] = k;
      }
      prev = null;
      continue;
    }
    const startsForm = labels.some((l) => /^(单位信息|项目名称)\s*[:：]/.test(l));
    if (startsForm && (!cur || cur.project || cur.indicators.length > 0)) {
      cur = newTarget(first);
      targets.push(cur);
      columns = null;
    }
    if (columns && cur) {
      const get = (key: IndicatorColumn): string => {
        const k = columns![key];
        return k === undefined ? '' : (row[k]?.display.trim() ?? '');
      };
      if (!get('level1') && !get('level2') && !get('level3')) continue;
      const weightText = columns.weight === undefined ? '' : (row[columns.weight]?.text.trim() ?? '');
      const indicator: Indicator = {
        level1: get('level1') || prev?.level1 || '',
        level2: get('level2') || prev?.level2 || '',
        level3: get('level3'),
        nature: get('nature'),
        value: get('value'),
        unit: get('unit'),
        weight: /^\d+(\.\d+)?$/.test(weightText) ? Number(weightText) : null,
        line: first,
      };
      cur.indicators.push(indicator);
      prev = indicator;
      continue;
    }
    if (!cur) {
      cur = newTarget(first);
      targets.push(cur);
    }
    for (let k = 0; k < row.length; k++) {
      const cell = row[k]!;
      const shown = cell.display.trim();
      const label = LABEL.exec(shown);
      if (label) {
        const next = row[k + 1];
        const value = next?.display.trim() ?? '';
        if (next && value && !LABEL.test(value)) {
          setField(cur, label[1]!, value, cell.n, next.text);
          k++;
        }
        continue;
      }
      const inline = INLINE_LABEL.exec(shown);
      if (inline) setField(cur, inline[1]!.trim(), inline[2]!.trim(), cell.n, cell.text.slice(cell.text.search(/[:：]/) + 1));
    }
  }
  return targets.filter((t) => t.project || t.indicators.length > 0);
}

// ---------------------------------------------------------------------------------------------------

function buildTable(d: Draft, no: number, slack: number | undefined): { table: Table; targets: PerformanceTarget[]; findings: Finding[] } {
  const kind = tableKind(d.title);
  const unit = d.unit ?? '万元';
  const form = kind === 'performanceTargets';
  const rows = d.rows.filter((r) => lastNonEmpty(r) >= 0);
  const analysed = rows.map((r) => analyseRow(r, unit, !form));
  const firstBody = form ? 0 : analysed.findIndex(startsBody);
  const headerCount = firstBody === -1 ? rows.length : firstBody;
  alignToCodedRows(analysed.slice(headerCount));
  const width = analysed.reduce((w, a) => Math.max(w, lastNonEmpty(a.cells) + 1), 0);
  const header = rows.slice(0, headerCount).map((r) => r.slice(0, width).map((c) => c.display.trim()));
  const body = analysed.slice(headerCount).map((a) => toTableRow(a, width));
  const numericColumns: number[] = [];
  for (let k = 0; k < width; k++) if (body.some((r) => r.cells[k]!.fen !== null)) numericColumns.push(k);
  const table: Table = {
    id: `t${no}`,
    title: d.title,
    kind,
    unitOfMeasure: d.unit,
    header,
    rows: body,
    numericColumns,
    note: d.noteLines.length > 0 ? d.noteLines.join('\n') : null,
    startLine: d.startLine,
    endLine: d.endLine,
  };
  return {
    table,
    targets: form ? parseTargets(rows) : [],
    findings: tableSums.run({ table, no, unit, slack }),
  };
}

/**
 * Extracts the attached tables from lines[from, to) (0-based indices into `lines`, `to` exclusive;
 * clamped to the array). Never throws on any text: what it cannot place stays out of `used`.
 */
export function extractTables(lines: Line[], from: number, to: number, options: TablesOptions = {}): TablesResult {
  const start = Math.max(0, Math.min(Math.trunc(from) || 0, lines.length));
  const end = Math.max(start, Math.min(Math.trunc(to) || 0, lines.length));
  const given = options.roundingSlackPerChild;
  const slack = given === undefined || !Number.isFinite(given) ? undefined : Math.max(0, given);
  const used = new Set<number>();
  const drafts = groupDrafts(lines, start, end, used);
  const result: TablesResult = { tables: [], performanceTargets: [], used, findings: [] };
  for (const d of drafts) {
    const absurd = tooWide(d);
    if (absurd) {
      // A table seen but not read is a finding; its lines stay unrecognised (published, counted), never lost.
      for (const i of d.consumed) used.delete(lines[i]!.n);
      result.findings.push({
        severity: 'warning', code: 'table.unread', line: absurd.line,
        message: `附表「${d.title}」有一行有 ${absurd.cells} 个单元格（一张预算表至多 ${MAX_TABLE_COLUMNS} 列），不像预算表，未读取；其各行列为未识别内容`,
      });
      continue;
    }
    const { table, targets, findings } = buildTable(d, result.tables.length + 1, slack);
    result.tables.push(table);
    for (const t of targets) result.performanceTargets.push(t);
    for (const f of findings) result.findings.push(f);
  }
  return result;
}

/**
 * Columns a budget table can have: the widest real ones (收入总表, 项目支出表) have about 20. Every row of a
 * table is as wide as its widest row, so one absurd row (thousands of cells) would multiply the record's size
 * by the number of rows: such a table is not read.
 */
const MAX_TABLE_COLUMNS = 64;

/** The first row of the draft wider than any budget table, with its cell count and line. */
function tooWide(d: Draft): { cells: number; line: number } | null {
  for (const r of d.rows) {
    const cells = lastNonEmpty(r) + 1;
    if (cells > MAX_TABLE_COLUMNS) return { cells, line: r[0]!.n };
  }
  return null;
}
