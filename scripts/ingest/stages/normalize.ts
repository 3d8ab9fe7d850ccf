/**
 * Stage 1 — normalize: decoded text (from a reader, see ../readers/) → lines.
 *
 * Each line keeps two forms of equal length so that a match found in one can be sliced from the other:
 *  - `display`: the line as written, minus invisible characters (zero-width spaces, BOM, soft hyphen);
 *  - `text`: the matching form, char-for-char: full-width ASCII → ASCII (１→1, （→(, ：→:, ，→,),
 *    ideographic / non-breaking spaces → space, spaces inside a figure moved in front of it
 *    ("1 480.96万元" → " 1480.96万元"). Tabs are kept: attached tables are tab-separated.
 * Control characters and U+2028/U+2029 become spaces in both forms.
 */
import { readText } from '../readers/text.ts';
import { toMatchForm } from '../../../src/domain/text.ts';
import { UNIT_SRC } from './patterns.ts';
import type { Segment } from '../readers/types.ts';

/** One source line. */
export interface Line {
  /** 1-based line number in the file. */
  n: number;
  /** As written, invisible characters removed. */
  display: string;
  /** Matching form (same length as `display`). */
  text: string;
  /** PDF: the 1-based page of the line (readers/types.ts). */
  page?: number;
  /** PDF: the line's runs of text with their x extent, for rebuilding table columns (readers/types.ts). */
  segments?: Segment[];
}

export interface NormalizedText {
  encoding: string;
  lines: Line[];
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Control characters and the Unicode line/paragraph separators (which `.` in a regex does not match) → space. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g;

/**
 * Spaces inside a figure that stands before a money unit ("1 480.96万元", "609. 35万元", from PDF copies)
 * are moved in front of the figure, so the matching form reads "  1480.96万元" and keeps its length.
 * Only when the figure without its spaces is a well-formed number. Linear: each unit looks back over
 * the figure characters since the previous unit.
 */
const WELL_FORMED = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const UNIT = new RegExp(UNIT_SRC, 'g');
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isFigureChar = (c: string | undefined): boolean => isDigit(c) || c === ',' || c === '.' || c === ' ';
function joinFigureSpaces(text: string): string {
  if (!/[\d,.] +[\d,.]/.test(text)) return text;
  const chars = text.split('');
  let floor = 0; // a figure never reaches back past the previous unit
  for (const m of text.matchAll(UNIT)) {
    let end = m.index;
    while (end > floor && chars[end - 1] === ' ') end--;
    let start = end;
    while (start > floor && isFigureChar(chars[start - 1])) start--;
    while (start < end && !isDigit(chars[start])) start++;
    const figure = text.slice(start, end);
    const joined = figure.replace(/ /g, '');
    if (joined.length < figure.length && WELL_FORMED.test(joined)) {
      const moved = ' '.repeat(figure.length - joined.length) + joined;
      for (let i = 0; i < moved.length; i++) chars[start + i] = moved[i]!;
    }
    floor = m.index + m[0].length;
  }
  return chars.join('');
}

/** Splits decoded text into lines (CRLF, CR and LF all end a line). */
export function toLines(text: string): Line[] {
  return splitLines(text).map((raw, i) => toLine(raw, i + 1));
}

/** Decoded text → its raw lines (CRLF, CR and LF all end a line; no empty last line after a final line end). */
export function splitLines(text: string): string[] {
  const parts = text.split(/\r\n|\r|\n/);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** One raw line (from any reader) → line `n` with its display and matching forms. */
export function toLine(raw: string, n: number): Line {
  const display = raw.replace(INVISIBLE, '').replace(CONTROL, ' ');
  return { n, display, text: joinFigureSpaces(toMatchForm(display)) };
}

/** bytes → lines, for plain-text input (the text reader, then toLines). */
export function normalize(bytes: Uint8Array, file: string): NormalizedText {
  const { text, encoding } = readText(bytes, file);
  return { encoding, lines: toLines(text) };
}
