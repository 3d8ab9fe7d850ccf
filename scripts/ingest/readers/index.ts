/**
 * Readers: one per input format, chosen by what the bytes are (never by the file name): a PDF (`%PDF-`),
 * a Word document (a zip holding word/document.xml), a web page (text that starts with an HTML tag), or
 * text. Each gives a `ReadDocument` (types.ts), the one shape the stages read.
 */
import { IngestError } from '../errors.ts';
import { splitLines } from '../stages/normalize.ts';
import { readText } from './text.ts';
import { isDocx, isOle, isZip, readDocx } from './docx.ts';
import { looksLikeHtml, readHtml } from './html.ts';
import { isPdf, readPdf } from './pdf.ts';
import type { ReadDocument } from './types.ts';

export type { ReadDocument, ReadLine, ReadTable, ReadCell, Segment, DroppedLine, ReadFormat } from './types.ts';

/** Reads one file's bytes. Throws IngestError (file:line: what and why) for input no reader can read. */
export async function readDocument(bytes: Uint8Array, file: string): Promise<ReadDocument> {
  if (isPdf(bytes)) return readPdf(bytes, file);
  if (isDocx(bytes)) return readDocx(bytes, file);
  if (isZip(bytes)) return readDocx(bytes, file);
  if (isOle(bytes)) {
    throw new IngestError(file, 1, 'binary', '文件是旧版 Word/Excel 格式（.doc/.xls），无法直接读取；应另存为 .docx 或 PDF，或保存为文本');
  }
  return readTextual(bytes, file);
}

/** Text and web pages: decoded as text seeds are (BOM, UTF-16, UTF-8, GB18030), then read. */
export function readTextual(bytes: Uint8Array, file: string): ReadDocument {
  const { text, encoding } = readText(bytes, file);
  if (looksLikeHtml(text)) return readHtml(text, encoding);
  return { format: 'text', encoding, lines: splitLines(text).map((raw) => ({ text: raw, page: null })), tables: [], pages: null, dropped: [] };
}

