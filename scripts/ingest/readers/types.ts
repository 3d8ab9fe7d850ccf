/**
 * The readers' output contract: what every input format (text, PDF, Word, web page) gives the stages.
 *
 * A reader turns one file's bytes into a `ReadDocument`: lines of text in reading order, each with the
 * page it stands on (PDF) and, for PDF, the runs of text on that line with their horizontal extent so the
 * tables stage can rebuild columns from positions; and, for Word and web pages, the document's tables as
 * rows of cells. The stages see every format the same way: `lines[i]` is line `i + 1` of the document.
 *
 * Tables from Word and web pages are ALSO written into `lines`, in the form attached tables copied from
 * Word have always had in text seeds (seeds/004): every cell on its own line starting with a TAB, a blank
 * line after each row, the table's caption (if any) on the line before. So a figure read from a cell has a
 * line number (its provenance), and the text-seed tables stage reads them unchanged; `tables[].rows[].cells[]`
 * carries the same cells with their spans, each pointing at its line.
 *
 * Coordinates (PDF): PDF units (1/72 inch), x from the left edge of the page as displayed (page rotation
 * applied), growing rightwards.
 */

/** A run of text on one line: items of the PDF whose gap is small, joined (a word, a phrase, a cell's text). */
export interface Segment {
  /** The text of the run (items joined; a single space where the gap between two items is a word gap). */
  text: string;
  /** Left edge, PDF units. */
  x0: number;
  /** Right edge, PDF units (x0 + width of the run). */
  x1: number;
}

/** One line of the document in reading order. */
export interface ReadLine {
  /**
   * The line's text. For PDF: a layout text close to `pdftotext -layout` — segments in x order, placed at a
   * column proportional to their x position, with at least two spaces between two segments, so columns
   * stay apart. For Word/web pages: the paragraph's text, or one table cell as `\t<cell text>`.
   */
  text: string;
  /** 1-based page of a PDF; null for formats without pages (text, Word, web page). */
  page: number | null;
  /** PDF only: the line's runs of text in x order, with their horizontal extent. */
  segments?: Segment[];
}

/** One table cell of a Word document or web page. */
export interface ReadCell {
  /** The cell's text, whitespace collapsed; paragraphs inside the cell joined with a space. */
  text: string;
  /** Columns / rows this cell spans (1 when not merged). */
  colSpan: number;
  rowSpan: number;
  /** 1-based line of `ReadDocument.lines` that holds this cell (`\t<text>`). */
  line: number;
}

/** A table of a Word document or web page, as the document's author laid it out. */
export interface ReadTable {
  /** 1-based line of the first line of the table in `lines` (its caption if it has one, else its first cell). */
  firstLine: number;
  /** 1-based line of the last line of the table in `lines` (the blank line after its last row). */
  lastLine: number;
  /** The `<caption>` of a web page table, if any (also a line of `lines`, before the first cell). */
  caption: string | null;
  /** Rows in document order; a merged cell appears once, in the row and column where it starts. */
  rows: { cells: ReadCell[] }[];
}

/** A page header, footer or page number that the PDF reader left out of `lines` (counted, never silently lost). */
export interface DroppedLine {
  page: number;
  text: string;
  kind: 'page-number' | 'running-header' | 'running-footer';
}

export type ReadFormat = 'text' | 'pdf' | 'docx' | 'html';

/** One file, read. */
export interface ReadDocument {
  format: ReadFormat;
  /** Text encoding of a text or web page file (utf-8, gb18030…); `pdf` / `docx` for those formats. */
  encoding: string;
  /** The document's lines in reading order (line n is index n-1). */
  lines: ReadLine[];
  /** Tables of a Word document or web page (empty for text and PDF: those are rebuilt by the tables stage). */
  tables: ReadTable[];
  /** Number of pages of a PDF; null for other formats. */
  pages: number | null;
  /** PDF: page headers, footers and page numbers left out of `lines`. */
  dropped: DroppedLine[];
}
