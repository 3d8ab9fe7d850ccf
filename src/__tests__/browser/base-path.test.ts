/**
 * The site built with `--base /sub/path/` and served only under that prefix: every link and anchor
 * resolves under it, pages load every asset from it, and search finds pages and links to them under it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, visit } from './browser.ts';
import { crawl } from './crawl.ts';
import { serveStatic, type StaticServer } from './server.ts';
import { BASE_PATH, builtSite, readRecords, type BuiltSite } from './site-build.ts';

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await builtSite('base');
  server = await serveStatic(site.outDir, site.base);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('every internal link and anchor resolves under the base', () => {
  expect(site.base).toBe(BASE_PATH);
  const result = crawl(site.outDir, site.base);
  expect(result.links).toBeGreaterThan(500);
  expect(result.broken).toEqual([]);
});

test('pages under the base load all their assets from it, under the CSP', async () => {
  const [record] = readRecords(site.contentDir);
  for (const path of ['', `${record!.id}/`, 'years/', 'glossary/', 'data/']) {
    const v = await visit(browser, `${server.root}${path}`);
    const problems = await v.settle();
    const requests: string[] = [];
    expect(await v.page.evaluate(() => document.styleSheets.length), path).toBeGreaterThan(0);
    for (const entry of await v.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))) requests.push(entry);
    expect(requests.filter((u) => !u.startsWith(server.root)), path).toEqual([]);
    expect([...problems.consoleErrors, ...problems.failedRequests, ...problems.cspViolations], path).toEqual([]);
    await v.page.close();
  }
});

test('search under the base finds pages and links to them under the base', async () => {
  const v = await visit(browser, `${server.root}search/?q=${encodeURIComponent('三公经费')}`);
  await v.page.waitForSelector('[data-search-list] li');
  const hrefs = await v.page.$$eval('.search-result h3 a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs).toHaveLength(readRecords(site.contentDir).length);
  for (const href of hrefs) expect(href.startsWith(BASE_PATH)).toBe(true);
  await v.page.click('.search-result h3 a');
  await v.page.waitForURL(`${server.root}**`);
  expect(new URL(v.page.url()).pathname).toBe(hrefs[0]!.split('#')[0]); // results link to a section of the page
  expect(await v.page.locator('h1').count()).toBe(1);
  const problems = await v.settle();
  expect([...problems.consoleErrors, ...problems.failedRequests, ...problems.cspViolations]).toEqual([]);
  await v.page.close();
});
