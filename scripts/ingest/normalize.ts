/**
 * Stage 1 — normalize: bytes → decoded text → lines.
 *
 * Decoding: BOM (UTF-8, UTF-16 LE/BE) wins; otherwise strict UTF-8, then GB18030 (a superset of GBK)
 * through iconv-lite. Binary input (NUL bytes, many control characters) is a diagnosis, not text.
 *
 * Each line keeps two forms of equal length so that a match found in one can be sliced from the other:
 *  - `display`: the line as written, minus invisible characters (zero-width spaces, BOM, soft hyphen);
 *  - `text`: the matching form, char-for-char: full-width ASCII → ASCII (１→1, （→(, ：→:, ，→,),
 *    ideographic / non-breaking spaces → space. Tabs are kept: attached tables are tab-separated.
 */
import iconv from 'iconv-lite';
import { IngestError } from './errors.ts';

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
  let out = '';
  for (let i = 0; i < s.length; i++) out += matchChar(s[i]!);
  return out;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** Detects the encoding and decodes. Throws IngestError for empty or binary input. */
export function decode(bytes: Uint8Array, file: string): { text: string; encoding: string } {
  if (bytes.length === 0) throw new IngestError(file, 1, 'empty', '文件为空（0 字节），应为预算公开说明的文本');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(3)), 'utf8'), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be'), encoding: 'utf-16be' };
  if (looksBinary(bytes)) {
    throw new IngestError(file, 1, 'binary', '文件是二进制数据（含 NUL 或大量控制字符），不是文本；请另存为 UTF-8 或 GBK 文本');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}

/** Splits decoded text into lines (CRLF, CR and LF all end a line). */
export function toLines(text: string): Line[] {
  const parts = text.split(/\r\n|\r|\n/);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((raw, i) => {
    const display = raw.replace(INVISIBLE, '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ');
    return { n: i + 1, display, text: toMatchForm(display) };
  });
}

/** bytes → lines. */
export function normalize(bytes: Uint8Array, file: string): NormalizedText {
  const { text, encoding } = decode(bytes, file);
  return { encoding, lines: toLines(text) };
}
