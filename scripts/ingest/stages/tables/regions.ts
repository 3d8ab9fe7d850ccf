/**
 * Where the tables laid out in columns are: a title naming a standard table (src/domain/terms/standard-tables.ts),
 * its 单位 note within the next lines, then header and body lines up to the next table, a heading, or the
 * first line of prose. Page furniture inside a table (page numbers, 公开NN表 markers, a header repeated
 * after a page break) belongs to the table. A single forward pass; cost linear in the lines.
 */
import type { AmountUnit } from '../../../../src/domain/money.ts';
import { standardTableKind, type StandardTableKind } from '../../../../src/domain/terms/standard-tables.ts';
import { PAGE_NUMBER, UNIT_NOTE_SRC } from '../patterns.ts';
import { AMOUNT, lineSegments, segmentsOf, type LayoutLine, type Segment } from './layout.ts';

/** A table found in the lines, before its grid is read. */
export interface Region {
  /** Title as printed (spaces squeezed). */
  title: string;
  kind: StandardTableKind;
  /** Unit of the amounts, from the table's 单位 note. */
  unit: AmountUnit;
  /** Index (into the lines) of the title, of the unit line, and one past the table's last line. */
  titleAt: number;
  unitAt: number;
  end: number;
  /** Indices of furniture lines inside the table (page numbers, markers) and of lines before the title that belong to it. */
  furniture: number[];
}

const UNIT = new RegExp(String.raw`${UNIT_NOTE_SRC}(?![\u4e00-\u9fff])`);
/** 公开01表 / 公开 01 表 / 附表1 / 表1. */
export const MARKER = /^\s*(?:公开\s*\d+\s*表|附表\s*\d+(?:-\d+)?|表\s*\d+(?:-\d+)?)\s*$/;
/** A heading of the document that ends any table: 第三部分 … */
const PART_HEADING = /^\s*第[一二三四五六七八九十]+部分|^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]).{2,40}(?:说明|情况)\s*$|^\s*\S{2,20}(?:情况说明|名词解释)\s*$/;
const SENTENCE = /[。；;]|[，,].*[，,]/;
const LEAD = /^(?:[一二三四五六七八九十]+、|\d+[.、．]\s*)/;
/** Lines of the table's heading block a unit note may follow the title by. */
const UNIT_WITHIN = 3;

export const isBlank = (l: LayoutLine): boolean => l.text.trim() === '';

/** The title a line holds, when it names a standard table and reads as a title (short, no sentence). */
function titleOf(text: string): { title: string; kind: StandardTableKind } | null {
  if (!text.includes('表')) return null; // standardTableKind needs a title ending in 表: most lines answer here
  const t = text.trim().replace(/\s+/g, ' ');
  if (t.length < 4 || t.length > 48 || SENTENCE.test(t.replace(/(\d),(?=\d{3})/g, '$1')) || /[…]|\.{4,}/.test(t)) return null;
  // "12.2026年…政府采购明细表" and "附表：1.…总表" are items of a list of the tables, not titles.
  if (/^\d+\s*[.、．]/.test(t) || /[:：]/.test(t)) return null;
  const bare = t.replace(/^公开\s*\d+\s*表\s*/, '').replace(LEAD, '');
  const kind = standardTableKind(bare);
  return kind ? { title: bare.replace(/\s+(?=[\u4e00-\u9fff（(“”])|(?<=[\u4e00-\u9fff）)“”])\s+/g, ''), kind } : null;
}

/** The table heading starting at lines[i]: title, then the unit note within a few lines (or on the same line). */
function headingAt(lines: LayoutLine[], i: number): { title: string; kind: StandardTableKind; unit: AmountUnit; unitAt: number; titleEnd: number } | null {
  const first = lines[i]!.text;
  if (UNIT.test(first)) return null;
  let t = titleOf(first);
  let titleEnd = i;
  // A title wrapped before its last few characters: “…培训费支出预 / 算表”.
  const next = lines[i + 1]?.text.trim() ?? '';
  if (!t && next.length > 0 && next.length <= 6 && /表$/.test(next) && !titleOf(next) && segmentsOf(first).length === 1 && !UNIT.test(next)) {
    t = titleOf(first.trim() + next);
    titleEnd = i + 1;
  }
  if (!t) return null;
  let seen = 0;
  for (let j = titleEnd + 1; j < lines.length && seen < UNIT_WITHIN; j++) {
    if (isBlank(lines[j]!)) continue;
    seen++;
    if (titleOf(lines[j]!.text)) return null; // the next title is nearer its unit note: this line lists tables
    const u = UNIT.exec(lines[j]!.text);
    if (u) return { ...t, unit: u[1] as AmountUnit, unitAt: j, titleEnd };
  }
  return null;
}

/** True when a line is prose (a sentence), which no table holds outside its notes. */
export function isProse(line: LayoutLine): boolean {
  const segs = lineSegments(line);
  return SENTENCE.test(line.text.replace(/(\d),(?=\d{3})/g, '$1')) || (segs.length === 1 && segs[0]!.text.length >= 30) || PART_HEADING.test(line.text);
}

export const NOTE = /^\s*(?:注|说明|备注)\s*\d*\s*[:：.、]|^\s*[:：]\s*“/;

/** Finds the tables laid out in columns in `lines`. */
export function findRegions(lines: LayoutLine[]): Region[] {
  const regions: Region[] = [];
  const headings: number[] = [];
  const found = new Map<number, ReturnType<typeof headingAt>>();
  for (let i = 0; i < lines.length; i++) {
    const h = headingAt(lines, i);
    if (h) {
      headings.push(i);
      found.set(i, h);
      i = h.unitAt;
    }
  }
  for (let k = 0; k < headings.length; k++) {
    const titleAt = headings[k]!;
    const h = found.get(titleAt)!;
    const limit = k + 1 < headings.length ? headings[k + 1]! : lines.length;
    const furniture: number[] = [];
    // Markers and page numbers just above the title belong to the table.
    for (let j = titleAt - 1; j >= 0 && (isBlank(lines[j]!) || MARKER.test(lines[j]!.text)); j--) {
      if (MARKER.test(lines[j]!.text)) furniture.push(j);
    }
    let end = h.unitAt + 1;
    let inNote = false;
    let lastKept = h.unitAt;
    for (let j = h.unitAt + 1; j < limit; j++) {
      const line = lines[j]!;
      if (isBlank(line)) continue;
      if (MARKER.test(line.text) || PAGE_NUMBER.test(line.text)) {
        furniture.push(j);
        continue;
      }
      if (NOTE.test(line.text)) inNote = true;
      else if (!inNote && isProse(line)) break;
      else if (inNote && PART_HEADING.test(line.text)) break;
      lastKept = j;
    }
    end = lastKept + 1;
    if (h.titleEnd > titleAt) furniture.push(h.titleEnd);
    regions.push({ title: h.title, kind: h.kind, unit: h.unit, titleAt, unitAt: h.unitAt, end, furniture: furniture.filter((j) => j < end || j < titleAt) });
  }
  return regions;
}

/** True when a segment is an amount. */
export const isAmount = (s: Segment): boolean => AMOUNT.test(s.text);
