/**
 * The original files of a disclosure read from a PDF, Word document or web page (`record.source.parts`):
 * where the ingest keeps their bytes in content/, what they are called beside the unit-year page on the site,
 * and on which page of which file a source line was printed (so a figure links to `original.pdf#page=N`
 * besides its line of the extracted text).
 *
 * A disclosure that is one text file has no parts and no original file: its text is the source page itself.
 */
import type { SourcePart } from './schema/source-part.ts';

/** The folder of content/ holding the original files, each once, named by its SHA-256. */
export const ORIGINALS_DIR = 'originals';

const EXTENSION: Record<SourcePart['format'], string> = { pdf: 'pdf', docx: 'docx', html: 'html', text: 'txt' };
/**
 * Extensions on the site. A saved web page is untrusted markup: it is offered as its source code in plain
 * text (`original.html.txt`), never served as a page of the site's origin.
 */
const SITE_EXTENSION: Record<SourcePart['format'], string> = { pdf: 'pdf', docx: 'docx', html: 'html.txt', text: 'txt' };

/** Content-Type of an original on the site (by its site extension). */
export const ORIGINAL_CONTENT_TYPE: Record<SourcePart['format'], string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/plain; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

/** What locating an original needs of a part. */
type PartRef = Pick<SourcePart, 'sha256' | 'format'>;

/**
 * Path inside content/ of a part's bytes: `originals/<sha256>.<ext>`. Throws on a digest that is not 64
 * lower-case hex digits (the path must never leave the folder).
 */
export function originalContentFile(part: PartRef): string {
  if (!/^[0-9a-f]{64}$/.test(part.sha256)) throw new Error(`not a SHA-256 digest: ${JSON.stringify(part.sha256)}`);
  return `${ORIGINALS_DIR}/${part.sha256}.${EXTENSION[part.format]}`;
}

/**
 * File name of part `k` (0-based) on the site, in the folder of the record's page: `original.pdf` for a
 * disclosure in one file, `original-1.pdf`, `original-2.pdf`… for one in several (in the order of `parts`).
 */
export function originalName(parts: readonly PartRef[], k: number): string {
  const ext = SITE_EXTENSION[parts[k]!.format];
  return parts.length === 1 ? `original.${ext}` : `original-${k + 1}.${ext}`;
}

/** Every original of a record: its site file name and its content/ path (none for a plain text seed). */
export function originalFiles(parts: readonly PartRef[] | undefined): OriginalRef[] {
  return (parts ?? []).map((p, k) => ({ name: originalName(parts!, k), contentFile: originalContentFile(p), format: p.format }));
}

/** One original file of a record on the site. */
export interface OriginalRef {
  /** File name beside the record's page (originalName). */
  name: string;
  /** Its path inside content/. */
  contentFile: string;
  format: SourcePart['format'];
}

/** Where a line was printed: the part (0-based) and, for a PDF, its 1-based page (null otherwise). */
export interface LinePlace {
  part: number;
  page: number | null;
}

/** The part and page holding 1-based line `line` of `source.lines`, or null when no part holds it. */
export function placeOfLine(
  parts: readonly Pick<SourcePart, 'firstLine' | 'lineCount' | 'pageLines'>[] | undefined, line: number | null | undefined,
): LinePlace | null {
  if (!parts || line === null || line === undefined || line < 1) return null;
  const part = parts.findIndex((p) => line >= p.firstLine && line < p.firstLine + p.lineCount);
  if (part < 0) return null;
  let page: number | null = null;
  parts[part]!.pageLines.forEach((start, k) => {
    if (start !== null && start <= line) page = k + 1;
  });
  return { part, page };
}

/**
 * `original.pdf#page=3`: the PDF page a line was printed on, relative to the unit-year page (`prefix` '../'
 * from its source/ page), or null when the line is not from a PDF page.
 */
export function pageHref(parts: readonly SourcePart[] | undefined, line: number | null | undefined, prefix = ''): string | null {
  const place = placeOfLine(parts, line);
  if (!place || place.page === null || parts![place.part]!.format !== 'pdf') return null;
  return `${prefix}${originalName(parts!, place.part)}#page=${place.page}`;
}
