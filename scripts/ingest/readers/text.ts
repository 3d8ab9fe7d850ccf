/**
 * Reader for plain-text input: bytes → decoded text (the pipeline's input format; see ARCHITECTURE.md).
 *
 * Decoding: BOM (UTF-8, UTF-16 LE/BE) wins; then UTF-16 without BOM (sniffed); otherwise strict UTF-8, then
 * GB18030 (a superset of GBK) through iconv-lite. Binary input (NUL bytes, many control characters), and
 * UTF-8 that is cut off inside a character or has corrupted bytes, are diagnoses, not text.
 */
import iconv from 'iconv-lite';
import { IngestError } from '../errors.ts';

/** What every reader returns: the document as text, and how its bytes were read. */
export interface ReadText {
  /** Text with its line ends as found (CRLF, CR or LF); stages/normalize.ts splits it into lines. */
  text: string;
  /** How the bytes were decoded (e.g. utf-8, utf-8-bom, gb18030); kept in the record's source. */
  encoding: string;
}

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
/** The bytes binaryLine counts as binary (NUL and control characters but tab, line ends, form feed and ESC). */
const CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/;

function binaryLine(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  // Text has none of the bytes counted below: one native scan says so (the loop ran ~0.2 ms a seed).
  if (!CONTROL.test(Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1'))) return 0;
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
export function readText(bytes: Uint8Array, file: string): ReadText {
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
