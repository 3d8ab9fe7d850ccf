/**
 * Stage 1 — normalize: bytes → decoded text → lines.
 *
 * Decoding: BOM (UTF-8, UTF-16 LE/BE) wins; then UTF-16 without BOM (sniffed); otherwise strict UTF-8, then
 * GB18030 (a superset of GBK) through iconv-lite. Binary input (NUL bytes, many control characters), and
 * UTF-8 that is cut off inside a character or has corrupted bytes, are diagnoses, not text.
 *
 * Each line keeps two forms of equal length so that a match found in one can be sliced from the other:
 *  - `display`: the line as written, minus invisible characters (zero-width spaces, BOM, soft hyphen);
 *  - `text`: the matching form, char-for-char: full-width ASCII → ASCII (１→1, （→(, ：→:, ，→,),
 *    ideographic / non-breaking spaces → space, spaces inside a figure moved in front of it
 *    ("1 480.96万元" → " 1480.96万元"). Tabs are kept: attached tables are tab-separated.
 * Control characters and U+2028/U+2029 become spaces in both forms.
 */
import iconv from 'iconv-lite';
import { IngestError } from '../errors.ts';

/** One source line. */
export interface Line {
  /** 1-based line number in the file. */
  n: number;
  /** As written, invisible characters removed. */
  display: string;
  /** Matching form (same length as `display`). */
  text: string;
}

export interface NormalizedText {
  encoding: string;
  lines: Line[];
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Control characters and the Unicode line/paragraph separators (which `.` in a regex does not match) → space. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g;

/** Maps one character to its matching form (always exactly one UTF-16 unit in, one out). */
function matchChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000 || code === 0x00a0 || code === 0x2002 || code === 0x2003 || code === 0x2009 || code === 0x202f) return ' ';
  if (code === 0xff0e) return '.';
  return c;
}

/** The matching form of a string (see module doc). */
export function toMatchForm(s: string): string {
  // Most lines need no mapping at all; only the characters matchChar changes are replaced.
  return NEEDS_MAPPING.test(s) ? s.replace(NEEDS_MAPPING_G, matchChar) : s;
}
const NEEDS_MAPPING = /[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009\u202f]/;
const NEEDS_MAPPING_G = new RegExp(NEEDS_MAPPING.source, 'g');

/** Characters that plausibly occur in a disclosure: whitespace, ASCII, Latin-1, punctuation, CJK, full-width forms. */
function plausibleRatio(text: string): number {
  let ok = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || (c >= 0x2000 && c <= 0x206f)
      || (c >= 0x2460 && c <= 0x24ff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)) ok++;
  }
  return text.length ? ok / text.length : 0;
}

/**
 * UTF-16 without a BOM (some Windows tools save it so): the bytes hold NULs (the high byte of every ASCII
 * character) yet decode to plausible text in one byte order. Returns that byte order, or null.
 */
function sniffUtf16(bytes: Uint8Array): 'utf16le' | 'utf16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0 || !bytes.subarray(0, 8192).includes(0)) return null;
  const sample = Buffer.from(bytes.subarray(0, 8192));
  for (const enc of ['utf16le', 'utf16be'] as const) {
    const text = iconv.decode(sample, enc);
    if (/[\n\r]/.test(text) && plausibleRatio(text) > 0.95) return enc;
  }
  return null;
}

/** 1-based line of a character offset in decoded text. */
const lineOfOffset = (text: string, offset: number): number => text.slice(0, Math.max(0, offset)).split(/\r\n|\r|\n/).length;

/**
 * Binary input: NUL bytes or many control characters. Returns the 1-based line of the first offending
 * byte (lines counted by LF/CR), or 0 when the bytes look like text. A few stray control characters in an
 * otherwise textual file are not binary: `toLines` turns them into spaces.
 */
function binaryLine(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  let nul = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    const bad = b === 0 || b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b);
    if (!bad) continue;
    if (b === 0) nul++;
    control++;
    if (first < 0) first = i;
  }
  if (n === 0 || (nul / n <= 0.01 && control / n <= 0.05)) return 0;
  let line = 1;
  for (let i = 0; i < first; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  return line;
}

/**
 * Bytes that are not strict UTF-8 but are mostly UTF-8 (valid multi-byte characters far outnumber broken
 * ones): a UTF-8 file cut off inside a character, or with a few corrupted bytes — not GBK. Decoding such a
 * file as GB18030 would turn every Chinese character into mojibake, so it is a diagnosis instead.
 */
function brokenUtf8(bytes: Uint8Array, file: string): IngestError | null {
  const loose = new TextDecoder('utf-8').decode(bytes);
  let broken = 0;
  let valid = 0;
  for (const ch of loose) {
    if (ch === '\uFFFD') broken++;
    else if (ch.charCodeAt(0) > 0x7f) valid++;
  }
  if (valid < 8 || broken * 20 > valid) return null;
  const first = loose.indexOf('\uFFFD');
  const line = lineOfOffset(loose, first);
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
      return new IngestError(file, line, 'truncated', `文件在一个字符的中间结束（最后 ${cut} 个字节不是完整的 UTF-8 字符），文件被截断；应为完整保存的文件`);
    } catch {
      // not a cut-off character: try a shorter prefix
    }
  }
  return new IngestError(file, line, 'encoding', `第${line}行有 ${broken} 处无效的 UTF-8 字节（文件已损坏或混用了编码）；整个文件应为同一种编码（UTF-8 或 GBK）`);
}

/** Detects the encoding and decodes. Throws IngestError for empty, binary or broken input. */
export function decode(bytes: Uint8Array, file: string): { text: string; encoding: string } {
  if (bytes.length === 0) throw new IngestError(file, 1, 'empty', '文件为空（0 字节），应为预算公开说明的文本');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(3)), 'utf8'), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be'), encoding: 'utf-16be' };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: iconv.decode(Buffer.from(bytes), utf16), encoding: utf16 === 'utf16le' ? 'utf-16le-nobom' : 'utf-16be-nobom' };
  const binary = binaryLine(bytes);
  if (binary) {
    throw new IngestError(file, binary, 'binary', '文件是二进制数据（含 NUL 或大量控制字符），不是文本；应为另存为 UTF-8 或 GBK 编码的纯文本（.txt）');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const broken = brokenUtf8(bytes, file);
    if (broken) throw broken;
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}

/**
 * Spaces inside a figure that stands before a money unit ("1 480.96万元", "609. 35万元", from PDF copies)
 * are moved in front of the figure, so the matching form reads "  1480.96万元" and keeps its length.
 * Only when the figure without its spaces is a well-formed number. Linear: each unit looks back over
 * the figure characters since the previous unit.
 */
const WELL_FORMED = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const UNIT = /万元|亿元|千元|元/g;
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
  const parts = text.split(/\r\n|\r|\n/);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((raw, i) => {
    const display = raw.replace(INVISIBLE, '').replace(CONTROL, ' ');
    return { n: i + 1, display, text: joinFigureSpaces(toMatchForm(display)) };
  });
}

/** bytes → lines. */
export function normalize(bytes: Uint8Array, file: string): NormalizedText {
  const { text, encoding } = decode(bytes, file);
  return { encoding, lines: toLines(text) };
}
