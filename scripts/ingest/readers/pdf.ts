/**
 * PDF reader: Mozilla PDF.js (`pdfjs-dist`, its legacy build for Node) extracts the text items of each page
 * with their positions; pdf-layout.ts turns them into lines in reading order. Everything runs in-process:
 * the CJK character maps and standard fonts PDF.js needs are read from the package folder, never fetched.
 *
 * Bad input is a diagnostic at line 1 of the file, never a crash: not a PDF / damaged (InvalidPDFException),
 * password-protected (PasswordException), or a scan (pages that hold only images, no text layer).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IngestError } from '../errors.ts';
import { layoutPages, type PositionedItem, type PositionedPage } from './pdf-layout.ts';
import type { ReadDocument } from './types.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | null = null;
/** PDF.js is loaded on first use only (text seeds never pay for it). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

const packageDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** PDF.js in Node reads these as file-system paths; they must end with a slash. */
const CMAP_DIR = join(packageDir, 'cmaps') + '/';
const STANDARD_FONT_DIR = join(packageDir, 'standard_fonts') + '/';

/** True when the bytes start like a PDF (`%PDF-`, possibly after a little junk as PDF readers allow). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1'); // a view, not a copy
  return head.includes('%PDF-');
}

/** Reads a PDF's text layer. Throws IngestError for damaged, encrypted or scanned PDFs. */
export async function readPdf(bytes: Uint8Array, file: string): Promise<ReadDocument> {
  const { getDocument, Util } = await loadPdfJs();
  // PDF.js takes ownership of (and detaches) the buffer it is given: give it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new IngestError(file, 1, 'encrypted', 'PDF 文件设有打开密码，无法读取；应为未加密的 PDF（请向发布单位索取或另存为无密码的版本）');
    }
    throw new IngestError(file, 1, 'damaged', `PDF 文件已损坏或不完整，无法读取（${(e as Error).message}）；应为完整下载的 PDF 原件`);
  }
  try {
    const pages: PositionedPage[] = [];
    let textChars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PositionedItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str) continue;
        const tx = Util.transform(viewport.transform, item.transform);
        const size = Math.hypot(tx[2]!, tx[3]!) || item.height || 1;
        const scale = Math.hypot(tx[0]!, tx[1]!);
        // Width along the text's direction; for horizontal text, its horizontal extent on the page.
        const width = item.width * (scale ? Math.abs(tx[0]!) / scale : 1);
        items.push({ text: item.str, x0: tx[4]!, x1: tx[4]! + width, y: tx[5]!, size });
        textChars += item.str.trim().length;
      }
      pages.push({ page: n, width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
    if (textChars === 0) {
      throw new IngestError(file, 1, 'scanned', `扫描件，无文字层（${doc.numPages} 页都只有图像，没有可读取的文字）；应为带文字层的 PDF 原件，或另附文字版`);
    }
    const { lines, dropped } = layoutPages(pages);
    return { format: 'pdf', encoding: 'pdf', lines, tables: [], pages: doc.numPages, dropped };
  } finally {
    await doc.destroy();
  }
}
