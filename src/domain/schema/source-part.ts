import { z } from 'astro/zod';

/**
 * One file of a disclosure published as several files (the explanatory text and its tables, often two
 * PDFs), or the one file of a disclosure that is not plain text (PDF, Word, web page). The record's
 * `source.lines` are the parts' lines one after the other, in this order.
 */
export const sourcePartSchema = z.object({
  /** File name, relative to seeds/. */
  file: z.string(),
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: z.string(),
  /** How the file was read. */
  format: z.enum(['text', 'pdf', 'docx', 'html']),
  /** Text encoding (text and web pages); `pdf` / `docx` for those. */
  encoding: z.string(),
  /** 1-based line of `source.lines` where this file's lines start. */
  firstLine: z.number().int().positive(),
  /** Number of lines this file gives. */
  lineCount: z.number().int().nonnegative(),
  /** Pages of a PDF; null for other formats. */
  pages: z.number().int().positive().nullable(),
  /**
   * PDF: for page k (index k-1), the line of `source.lines` where it starts, or null when the page gives
   * no line (an image page, a blank page). Empty for other formats.
   */
  pageLines: z.array(z.number().int().positive().nullable()),
  /** PDF: page headers, footers and page numbers left out of the lines (counted, not lost). */
  dropped: z.number().int().nonnegative(),
});
export type SourcePart = z.infer<typeof sourcePartSchema>;
