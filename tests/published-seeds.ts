/**
 * Disclosures as units publish them, made from fixture seed 004 (a real Chongqing disclosure) for the
 * build tests: a PDF (the explanatory text laid out on A4 pages, lines wrapped as a PDF wraps them, page
 * numbers at the foot) and a folder holding the same kind of PDF beside the attached tables as a saved web
 * page. Each is given its own unit name, so that they are records of their own beside the fixture seeds.
 * Generated, not stored: PDF.js reads them back with its CJK character maps (scripts/bench/pdf-writer.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { textPages, wrapLines, writePdf } from '../scripts/bench/pdf-writer.ts';
import { blocksOf, htmlOf } from '../scripts/ingest/__tests__/fixtures/formats/make.ts';
import { FIXTURE_SEEDS_DIR } from './fixtures.ts';

/** Characters per line of the generated PDF pages (A4, 10.5 pt). */
const LINE_WIDTH = 40;
/** Lines per generated PDF page. */
export const LINES_PER_PAGE = 40;

const SEED_004 = '004_4ff91bf0fb23a83f.txt';
const NAME_004 = '电子政务中心';

/** Seed 004's text with another unit name: its explanatory text (before the attached tables) and its tables. */
export function seed004As(unitName: string): { text: string[]; tables: string[] } {
  const lines = readFileSync(join(FIXTURE_SEEDS_DIR, SEED_004), 'utf8').replaceAll(NAME_004, unitName).split(/\r?\n/);
  // The tables start at the title above the first cell line (and its 单位 line).
  let i = lines.findIndex((l) => l.startsWith('\t')) - 1;
  const skipBlank = () => { while (i > 0 && !lines[i]!.trim()) i--; };
  skipBlank();
  if (lines[i]!.startsWith('单位')) {
    i--;
    skipBlank();
  }
  return { text: lines.slice(0, i), tables: lines.slice(i) };
}

/** Lines wrapped at LINE_WIDTH characters, as a PDF prints a paragraph. */
export const wrapped = (lines: readonly string[]): string[] => wrapLines(lines, LINE_WIDTH);

/** A PDF of the lines, LINES_PER_PAGE a page. */
export const pdfOf = (lines: readonly string[]): Buffer => writePdf(textPages(wrapped(lines), LINES_PER_PAGE));

/** The unit names of the disclosures `writePublishedSeeds` writes. */
export const PUBLISHED = {
  /** One PDF. */
  pdf: { file: '数据资源中心2026年预算公开.pdf', unit: '重庆市九龙坡区数据资源中心' },
  /** A folder: the explanatory text as PDF, the tables as a saved web page. */
  folder: { file: '大数据发展中心2026年预算公开', unit: '重庆市九龙坡区大数据发展中心' },
} as const;

/** Writes the PDF seed and the folder seed into `dir`; returns the PDF's explanatory lines (before wrapping). */
export function writePublishedSeeds(dir: string): { pdfText: string[] } {
  const one = seed004As('数据资源中心');
  writeFileSync(join(dir, PUBLISHED.pdf.file), pdfOf(one.text));
  const two = seed004As('大数据发展中心');
  const folder = join(dir, PUBLISHED.folder.file);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, '1.部门预算情况说明.pdf'), pdfOf(two.text));
  writeFileSync(join(folder, '2.部门预算公开表.html'), htmlOf(blocksOf(two.tables.join('\n'))));
  return { pdfText: one.text };
}
