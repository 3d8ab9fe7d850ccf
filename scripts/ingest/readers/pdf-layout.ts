/**
 * Positioned text items of PDF pages → lines in reading order (pure; pdf.ts feeds it from pdfjs).
 *
 * 1. Items are grouped into lines by baseline: an item joins the line whose baseline is within ~45 % of
 *    the smaller font size (a superscript or a cell centred between two wrapped lines is its own line,
 *    as in `pdftotext -layout`).
 * 2. On a line, items in x order whose gap is small (< 0.8 × font size) are joined into a segment (with a
 *    space where the gap is a word gap, never between two Chinese characters, which justified text spreads
 *    apart); a larger gap starts a new segment: a new column.
 * 3. The layout text places each segment at a column proportional to its x (one column per typical
 *    character advance on the page), at least two spaces after the previous segment.
 * 4. Page numbers ("3", "- 3 -", "— 3 —", "第3页", "第3页 共9页": PAGE_NUMBER of stages/patterns.ts; at a page's
 *    edge also "1024", "3/9", "第3页/共9页": PAGE_EDGE_NUMBER) standing as the first or last line of a page, in
 *    its outer band, and running headers/footers (the same text as the first or last line of most pages, in
 *    the outer band) are left out of the lines and returned as `dropped`.
 */
import type { DroppedLine, ReadLine, Segment } from './types.ts';
import { PAGE_EDGE_NUMBER, PAGE_NUMBER } from '../stages/patterns.ts';

/** A text item in page display coordinates (y grows downwards from the top of the page). */
export interface PositionedItem {
  text: string;
  x0: number;
  x1: number;
  /** Baseline y, from the top of the page. */
  y: number;
  /** Font size (height of the text), PDF units. */
  size: number;
}

export interface PositionedPage {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  items: PositionedItem[];
}

interface RawLine {
  y: number;
  size: number;
  items: PositionedItem[];
}

/** Fraction of the smaller font size within which two baselines are the same line. */
const SAME_LINE = 0.45;
/** A gap wider than this fraction of the font size starts a new segment. */
const NEW_SEGMENT = 0.8;
/** A gap wider than this fraction of the font size inside a segment is written as one space. */
const WORD_GAP = 0.2;
/** Outer band of a page (fraction of its height) where headers, footers and page numbers stand. */
const EDGE_BAND = 0.12;

function groupLines(items: PositionedItem[]): RawLine[] {
  const sorted = items.filter((i) => i.text).sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: RawLine[] = [];
  let current: RawLine | null = null;
  for (const item of sorted) {
    if (current && Math.abs(item.y - current.y) <= SAME_LINE * Math.min(item.size, current.size)) {
      current.items.push(item);
      continue;
    }
    current = { y: item.y, size: item.size, items: [item] };
    lines.push(current);
  }
  for (const l of lines) l.items.sort((a, b) => a.x0 - b.x0 || a.y - b.y);
  return lines;
}

/** Chinese characters and full-width punctuation: justified text spreads them apart, which is not a word gap. */
const isWide = (c: string | undefined): boolean => c !== undefined && /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’—…]/.test(c);

function segmentsOf(line: RawLine): Segment[] {
  const out: Segment[] = [];
  let seg: Segment | null = null;
  let size = 0;
  let spaceItem = false;
  for (const item of line.items) {
    if (!item.text.trim()) {
      // A space the PDF writes as a character of its own: a word gap, even between Chinese characters.
      spaceItem = seg !== null;
      continue;
    }
    const text = letterSpaced(item.text.replace(/\s+/g, ' '));
    if (seg) {
      const gap = item.x0 - seg.x1;
      const em = Math.max(size, item.size);
      if (gap < NEW_SEGMENT * em) {
        const wide = isWide(seg.text.at(-1)) && isWide(text[0]);
        const space = (spaceItem || (gap > WORD_GAP * em && !wide)) && !seg.text.endsWith(' ') && !text.startsWith(' ') ? ' ' : '';
        seg.text += space + text;
        seg.x1 = Math.max(seg.x1, item.x1);
        size = Math.max(size, item.size);
        spaceItem = false;
        continue;
      }
      out.push(seg);
    }
    seg = { text, x0: item.x0, x1: item.x1 };
    size = item.size;
    spaceItem = false;
  }
  if (seg) out.push(seg);
  for (const s of out) s.text = s.text.trim();
  return out.filter((s) => s.text);
}

/**
 * Text spread out by a space after every character ("目 标 而 发 生", how some producers justify a line)
 * is written without those spaces.
 */
function letterSpaced(text: string): string {
  const t = text.trim();
  if (t.length < 5 || !/^(?:[^ ] )+[^ ]$/.test(t) || !isWide(t[0])) return text;
  return text.replace(/ (?=[^ ])/g, (m, at: number) => (isWide(text[at - 1]) || isWide(text[at + 1]) ? '' : m));
}

/**
 * One column of the layout text: the median advance of a character on the page, counting items of Chinese
 * text when there are any (a Chinese character is one column, as in `pdftotext -layout`).
 */
function charAdvance(items: PositionedItem[]): number {
  const advancesOf = (list: PositionedItem[]) => list
    .filter((i) => i.text.trim() && i.x1 > i.x0)
    .map((i) => (i.x1 - i.x0) / [...i.text].length)
    .sort((a, b) => a - b);
  const wide = advancesOf(items.filter((i) => isWide(i.text.trim()[0])));
  const advances = wide.length ? wide : advancesOf(items);
  const median = advances[Math.floor(advances.length / 2)];
  return median && median > 0 ? median : 5;
}

function layoutText(segments: Segment[], left: number, advance: number): string {
  let text = '';
  for (const s of segments) {
    const col = Math.max(0, Math.round((s.x0 - left) / advance));
    const at = text.length === 0 ? col : Math.max(col, text.length + 2);
    text += ' '.repeat(at - text.length) + s.text;
  }
  return text;
}

/** A page number, as anywhere in a document or as only a page's edge line can be one. */
const isPageNumber = (text: string): boolean => PAGE_NUMBER.test(text) || PAGE_EDGE_NUMBER.test(text);
/** Running headers/footers repeat exactly (a line that differs by a number, as 公开01表 / 公开02表, is content). */
const runningKey = (text: string): string => text.replace(/\s+/g, '');

interface PageLines {
  page: number;
  height: number;
  lines: { raw: RawLine; text: string; segments: Segment[] }[];
}

/**
 * Lines of every page in reading order, page headers/footers/page numbers dropped.
 * Pages must be given in order; each page's lines are top to bottom.
 */
export function layoutPages(pages: PositionedPage[]): { lines: ReadLine[]; dropped: DroppedLine[] } {
  const laid: PageLines[] = pages.map((p) => {
    const raw = groupLines(p.items);
    const advance = charAdvance(p.items);
    const left = Math.min(...p.items.filter((i) => i.text.trim()).map((i) => i.x0), Infinity);
    return {
      page: p.page,
      height: p.height,
      lines: raw.map((r) => {
        const segments = segmentsOf(r);
        return { raw: r, segments, text: layoutText(segments, Number.isFinite(left) ? left : 0, advance) };
      }).filter((l) => l.segments.length),
    };
  });

  // Running headers/footers: the same text as the first/last line of most pages.
  const edgeCount = { top: new Map<string, number>(), bottom: new Map<string, number>() };
  for (const p of laid) {
    const first = p.lines[0];
    const last = p.lines[p.lines.length - 1];
    if (first && first.raw.y < p.height * EDGE_BAND) bump(edgeCount.top, runningKey(first.text));
    if (last && last !== first && last.raw.y > p.height * (1 - EDGE_BAND)) bump(edgeCount.bottom, runningKey(last.text));
  }
  const running = (m: Map<string, number>, key: string): boolean => laid.length >= 3 && (m.get(key) ?? 0) * 2 > laid.length;

  const lines: ReadLine[] = [];
  const dropped: DroppedLine[] = [];
  for (const p of laid) {
    let start = 0;
    let end = p.lines.length;
    // Up to two edge lines at each end (a header above a page number, say).
    for (let k = 0; k < 2 && start < end; k++) {
      const l = p.lines[start]!;
      if (l.raw.y >= p.height * EDGE_BAND) break;
      const kind = isPageNumber(l.text.trim()) ? 'page-number' : running(edgeCount.top, runningKey(l.text)) ? 'running-header' : null;
      if (!kind) break;
      dropped.push({ page: p.page, text: l.text.trim(), kind });
      start++;
    }
    const tail: DroppedLine[] = [];
    for (let k = 0; k < 2 && end > start; k++) {
      const l = p.lines[end - 1]!;
      if (l.raw.y <= p.height * (1 - EDGE_BAND)) break;
      const kind = isPageNumber(l.text.trim()) ? 'page-number' : running(edgeCount.bottom, runningKey(l.text)) ? 'running-footer' : null;
      if (!kind) break;
      tail.unshift({ page: p.page, text: l.text.trim(), kind });
      end--;
    }
    dropped.push(...tail);
    for (const l of p.lines.slice(start, end)) lines.push({ text: l.text, page: p.page, segments: l.segments });
  }
  return { lines, dropped };
}

function bump(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}
