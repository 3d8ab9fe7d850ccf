/**
 * Disclosures as units publish them, end to end: a PDF seed and a folder seed (explanatory text as PDF +
 * tables as a saved web page) are ingested and built (the `base` site, under a sub-path) into unit-year
 * pages that show their figures and tables, link each figure to its line of the extracted text AND to the
 * page of the original PDF it is printed on, and offer the original files beside the page. A draft PDF (the
 * `hostile` site) reaches the build in no form.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, visit } from './browser.ts';
import { crawl, siteFiles } from './crawl.ts';
import { serveStatic, type StaticServer } from './server.ts';
import { DRAFT_PDF, builtSite, readRecords, type BuiltSite } from './site-build.ts';
import { LINES_PER_PAGE, PUBLISHED, seed004As, wrapped } from '../../../tests/published-seeds.ts';
import type { UnitYearRecord } from '../../domain/schema/record.ts';

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let pdfRecord: UnitYearRecord;
let folderRecord: UnitYearRecord;

const seedsOf = (s: BuiltSite) => join(dirname(s.outDir), 'seeds');
const html = (s: BuiltSite, path: string) => readFileSync(join(s.outDir, path, 'index.html'), 'utf8');
/** `<a href="source/#L12" …>text</a>` followed by its page link, if any: [line, text, page href or undefined]. */
const figureLinks = (page: string): [number, string, string | undefined][] =>
  [...page.matchAll(/<a href="source\/#L(\d+)"[^>]*>([^<]*)<\/a>(?:<a class="pdf-page" href="([^"]*)")?/g)]
    .map((m) => [Number(m[1]), m[2]!, m[3]]);

beforeAll(async () => {
  site = await builtSite('base');
  server = await serveStatic(site.outDir, site.base);
  browser = await launchBrowser();
  const records = readRecords(site.contentDir);
  pdfRecord = records.find((r) => r.identity.unit === PUBLISHED.pdf.unit)!;
  folderRecord = records.find((r) => r.identity.unit === PUBLISHED.folder.unit)!;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a PDF seed', () => {
  test('gives a record with the figures its text states, read page by page', () => {
    expect(pdfRecord.source.parts).toHaveLength(1);
    const [part] = pdfRecord.source.parts!;
    expect(part!.format).toBe('pdf');
    expect(part!.pages).toBe(Math.ceil(wrapped(seed004As('数据资源中心').text).length / LINES_PER_PAGE));
    expect(pdfRecord.keyFigures.incomeTotal).toBe(10_517_400); // 收入预算1,051.74万元 (seed 004)
    expect(pdfRecord.keyFigures.changeFromPreviousYear).toBe(-780_600);
    expect(pdfRecord.keyFigures.procurement.total).toBe(1_900);
  });

  test('its page links each figure to its line and to the page of original.pdf it is printed on', () => {
    const page = html(site, pdfRecord.id);
    const printed = wrapped(seed004As('数据资源中心').text);
    const links = figureLinks(page);
    const income = links.filter(([, text]) => text === '1,051.74');
    expect(income.length).toBeGreaterThan(0);
    for (const [line, , pdf] of links) {
      // The page the generated PDF printed this line on: independent of the reader's page bookkeeping.
      const at = printed.indexOf(pdfRecord.source.lines[line - 1]!);
      expect(at, `line ${line}`).toBeGreaterThanOrEqual(0);
      expect(pdf, `line ${line}`).toBe(`original.pdf#page=${Math.floor(at / LINES_PER_PAGE) + 1}`);
    }
    expect(page).toContain(`href="${site.base}${pdfRecord.id}/original.pdf"`);
  });

  test('original.pdf is the seed, byte for byte, served under the base; the source page marks each page', async () => {
    const seed = readFileSync(join(seedsOf(site), PUBLISHED.pdf.file));
    expect(readFileSync(join(site.outDir, pdfRecord.id, 'original.pdf')).equals(seed)).toBe(true);
    const v = await visit(browser, `${server.root}${pdfRecord.id}/source/`);
    const marks = await v.page.$$eval('.page-mark', (as) => as.map((a) => [a.closest('li')!.id, a.getAttribute('href')]));
    const part = pdfRecord.source.parts![0]!;
    expect(marks).toEqual(part.pageLines.flatMap((line, k) => (line === null ? [] : [[`L${line}`, `../original.pdf#page=${k + 1}`]])));
    const served = await v.page.evaluate(async () => {
      const r = await fetch(new URL('../original.pdf', location.href));
      return { status: r.status, type: r.headers.get('content-type'), size: (await r.arrayBuffer()).byteLength };
    });
    expect(served).toEqual({ status: 200, type: 'application/pdf', size: seed.length });
    const problems = await v.settle();
    expect([...problems.consoleErrors, ...problems.failedRequests, ...problems.cspViolations]).toEqual([]);
    await v.page.close();
  });
});

describe('a folder seed: explanatory text as PDF, tables as a web page', () => {
  test('is one record with the figures of both files and the tables read', () => {
    expect(folderRecord.source.parts!.map((p) => p.format)).toEqual(['pdf', 'html']);
    expect(folderRecord.tables).toHaveLength(13);
    expect(folderRecord.keyFigures.incomeTotal).toBe(10_517_400);
    expect(folderRecord.keyFigures.basicExpenditure).toBe(1_648_100); // from the tables only (164.81万元)
    expect(folderRecord.keyFigures.projectExpenditure).toBe(8_869_300);
  });

  test('its page links figures of the PDF to their pages, figures of the web page to their lines only, and offers both files', () => {
    const page = html(site, folderRecord.id);
    const [pdfPart, htmlPart] = folderRecord.source.parts!;
    const links = figureLinks(page);
    const inPdf = links.filter(([line]) => line < htmlPart!.firstLine);
    const inHtml = links.filter(([line]) => line >= htmlPart!.firstLine);
    expect(inPdf.length).toBeGreaterThan(0);
    expect(inHtml.length).toBeGreaterThan(0);
    for (const [line, , pdf] of inPdf) expect(pdf, `line ${line}`).toMatch(/^original-1\.pdf#page=[1-9]\d*$/);
    for (const [line, , pdf] of inHtml) expect(pdf, `line ${line}`).toBeUndefined();
    expect(pdfPart!.format).toBe('pdf');
    const seeds = join(seedsOf(site), PUBLISHED.folder.file);
    expect(readFileSync(join(site.outDir, folderRecord.id, 'original-1.pdf')).equals(readFileSync(join(seeds, '1.部门预算情况说明.pdf')))).toBe(true);
    // The saved web page is offered as its source text, never served as a page of this site.
    expect(readFileSync(join(site.outDir, folderRecord.id, 'original-2.html.txt')).equals(readFileSync(join(seeds, '2.部门预算公开表.html')))).toBe(true);
    expect(siteFiles(site.outDir).filter((f) => f.startsWith(`${folderRecord.id}/original`)).sort())
      .toEqual([`${folderRecord.id}/original-1.pdf`, `${folderRecord.id}/original-2.html.txt`]);
  });

  test('every link of the site, the originals included, resolves under the base', () => {
    expect(crawl(site.outDir, site.base).broken).toEqual([]);
  });
});

test('a draft PDF reaches the production build in no form', async () => {
  const hostile = await builtSite('hostile');
  const draft = readRecords(hostile.contentDir).find((r) => r.source.file === DRAFT_PDF)!;
  expect(draft.release.status).toBe('draft');
  const bytes = readFileSync(join(seedsOf(hostile), DRAFT_PDF));
  const files = siteFiles(hostile.outDir);
  expect(files.filter((f) => /(^|\/)original[^/]*$/.test(f))).toEqual([]);
  for (const f of files) {
    const content = readFileSync(join(hostile.outDir, f));
    expect(content.equals(bytes), f).toBe(false);
    expect(content.toString('utf8').includes(draft.identity.unit), f).toBe(false);
  }
});
