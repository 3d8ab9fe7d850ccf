/**
 * Word reader (.docx): mammoth turns the document into plain HTML — paragraphs, headings, lists and real
 * tables with their merged cells (colspan/rowspan) — which the web page reader (html.ts) then reads. So a
 * Word table reaches the tables stage as rows of cells, never as text flattened by hand.
 *
 * A legacy binary Word file (.doc) or another zip (an .xlsx, say) is a diagnostic, not a crash.
 */
import { IngestError } from '../errors.ts';
import { readHtml } from './html.ts';
import type { ReadDocument } from './types.ts';

/** A zip archive (local file header), as every OOXML file is. */
export const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** An OLE compound file: legacy .doc / .xls / .ppt. */
export const isOle = (bytes: Uint8Array): boolean =>
  bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0 && bytes[4] === 0xa1 && bytes[5] === 0xb1;

/** True when a zip holds a Word document's main part (its name is stored uncompressed in the archive). */
export const isDocx = (bytes: Uint8Array): boolean => isZip(bytes) && Buffer.from(bytes).includes('word/document.xml', 0, 'latin1');

export async function readDocx(bytes: Uint8Array, file: string): Promise<ReadDocument> {
  if (!isDocx(bytes)) {
    throw new IngestError(file, 1, 'binary', '文件是 zip 压缩包但不是 Word 文档（缺少 word/document.xml）；应为 .docx、PDF、网页或文本');
  }
  let html: string;
  // Loaded on the first Word file (as PDF.js is on the first PDF): every ingest thread would otherwise load it.
  const { default: mammoth } = await import('mammoth');
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, {
      ignoreEmptyParagraphs: true,
      // Images carry no text: do not base64-encode them into the HTML.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    }));
  } catch (e) {
    throw new IngestError(file, 1, 'damaged', `Word 文档已损坏，无法读取（${(e as Error).message}）；应为完整保存的 .docx 文件`);
  }
  return readHtml(html, 'docx', 'docx');
}
