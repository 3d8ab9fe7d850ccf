/**
 * One page of every type of the site built from seeds/, served with the production CSP, in Chromium:
 * no console errors, failed requests or CSP violations; no sideways scrolling at 375 px; no axe-core
 * violations (WCAG 2.0 A/AA, 2.1 AA); keyboard: the first Tab reaches the skip link, focus follows the
 * document order and is visible on every element. Also: every internal link and anchor of the build
 * resolves, and the header search form works without the search page's script running first.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, horizontalOverflow, launchBrowser, tabThrough, visit } from './browser.ts';
import { FIXTURE_SEEDS_DIR } from '../../../tests/fixtures.ts';
import { crawl } from './crawl.ts';
import { serveStatic, type StaticServer } from './server.ts';
import { builtSite, readRecords, type BuiltSite } from './site-build.ts';
import type { UnitYearRecord } from '../../domain/schema/record.ts';

/** Tab stops checked per page (the unit-year pages have hundreds of source-line links). */
const MAX_TAB_STOPS = 30;

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await builtSite('normal');
  server = await serveStatic(site.outDir, site.base);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page to check: how to find its path in the build, and what to wait for before auditing. */
interface PageCase {
  name: string;
  /** Path under the base, from the built site's records; null when the route is not built. */
  path: (records: UnitYearRecord[]) => string | null;
  status?: number;
  /** CSS selector that must appear first (e.g. rendered search results). */
  waitFor?: string;
}

const SEED_FILES = readdirSync(FIXTURE_SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
const first = (records: UnitYearRecord[]) => records[0]!;
const ifBuilt = (dir: string) => () => (existsSync(join(site.outDir, dir, 'index.html')) ? `${dir}/` : null);

/** One page of every type; a unit-year page for each seed. */
const PAGE_CASES: PageCase[] = [
  { name: 'home', path: () => '' },
  { name: 'district', path: (rs) => `${first(rs).slug.district}/` },
  { name: 'unit', path: (rs) => `${first(rs).slug.district}/${first(rs).slug.unit}/` },
  ...SEED_FILES.map((seed): PageCase => ({
    name: `unit-year page of ${seed}`,
    path: (rs) => `${rs.find((r) => r.source.file === seed)!.id}/`,
  })),
  { name: 'year', path: (rs) => `years/${first(rs).identity.year}/` },
  { name: 'years', path: () => 'years/' },
  { name: 'data', path: () => 'data/' },
  { name: 'data of a district', path: (rs) => `data/${first(rs).slug.district}/` },
  { name: 'quality', path: () => 'quality/' },
  { name: 'search with results', path: () => `search/?q=${encodeURIComponent('三公经费')}`, waitFor: '[data-search-list] li' },
  { name: 'glossary', path: ifBuilt('glossary') },
  { name: 'guide', path: ifBuilt('guide') },
  { name: 'about', path: ifBuilt('about') },
  { name: '404', path: () => 'no-such-page/', status: 404 },
];

test('the build has a unit-year page for each seed', () => {
  const records = readRecords(site.contentDir);
  expect(records.map((r) => r.source.file).sort()).toEqual(SEED_FILES);
  for (const { id } of records) expect(existsSync(join(site.outDir, id, 'index.html')), id).toBe(true);
});

describe.each(PAGE_CASES)('$name', (c) => {
  test('loads cleanly under the CSP; no axe violations; keyboard focus in order and visible; no overflow at 375 px', async (ctx) => {
    const path = c.path(readRecords(site.contentDir));
    if (path === null) {
      ctx.skip(`/${c.name}/ is not part of this build`);
      return;
    }
    const v = await visit(browser, `${server.root}${path}`, { width: 1280, documentStatus: c.status });
    if (c.waitFor) await v.page.waitForSelector(c.waitFor, { timeout: 10_000 });
    const problems = await v.settle();
    expect.soft(problems.consoleErrors, 'console errors').toEqual([]);
    expect.soft(problems.pageErrors, 'uncaught errors').toEqual([]);
    expect.soft(problems.failedRequests, 'failed requests').toEqual([]);
    expect.soft(problems.cspViolations, 'CSP violations').toEqual([]);
    expect.soft(problems.dialogs, 'dialogs').toEqual([]);
    expect.soft(await axeViolations(v.page), 'axe-core violations (wcag2a, wcag2aa, wcag21aa)').toEqual([]);

    const { stops, tabbable } = await tabThrough(v.page, MAX_TAB_STOPS);
    expect.soft(stops[0]?.label ?? 'nothing', 'first Tab').toMatch(/skip-link/);
    expect.soft(stops.filter((s, i) => s.domIndex !== i).map((s) => s.label), `focus order (of ${tabbable} tabbable)`).toEqual([]);
    expect.soft(stops.filter((s) => !s.visibleFocus).map((s) => s.label), 'focus without a visible indicator').toEqual([]);
    expect.soft(stops.filter((s) => !s.onScreen).map((s) => s.label), 'focused but off screen').toEqual([]);

    await v.page.setViewportSize({ width: 375, height: 900 });
    expect.soft(await horizontalOverflow(v.page), 'horizontal overflow at 375 px').toBe(0);
    await v.page.close();
  });
});

describe('keyboard', () => {
  test('the skip link moves focus to the main content', async () => {
    const v = await visit(browser, server.root);
    await v.page.keyboard.press('Tab');
    await v.page.keyboard.press('Enter');
    expect(await v.page.evaluate(() => document.activeElement?.id)).toBe('main');
    await v.page.close();
  });
});

describe('search from the header', () => {
  test('the header field is a GET form that opens the search page with results', async () => {
    const v = await visit(browser, server.root);
    await v.page.fill('#header-search-q', '政务服务');
    await v.page.press('#header-search-q', 'Enter');
    await v.page.waitForSelector('[data-search-list] li');
    const url = new URL(v.page.url());
    expect(url.pathname).toBe(`${site.base}search/`);
    expect(url.searchParams.get('q')).toBe('政务服务');
    expect(await v.page.inputValue('#search-q')).toBe('政务服务');
    const problems = await v.settle();
    expect([...problems.consoleErrors, ...problems.failedRequests, ...problems.cspViolations]).toEqual([]);
    await v.page.close();
  });

  test('results show unit, district, year and a highlighted snippet; filters narrow them', async () => {
    const q = encodeURIComponent('三公经费');
    const all = await visit(browser, `${server.root}search/?q=${q}`);
    await all.page.waitForSelector('[data-search-list] li');
    const results = await all.page.$$eval('.search-result', (items) => items.map((li) => ({
      title: li.querySelector('h3 a')?.textContent ?? '',
      href: li.querySelector('h3 a')?.getAttribute('href') ?? '',
      meta: li.querySelector('.search-result-meta')?.textContent ?? '',
      marks: [...li.querySelectorAll('.search-result-snippet mark')].map((m) => m.textContent),
    })));
    expect(results).toHaveLength(5);
    for (const r of results) {
      expect(r.meta).toMatch(/^\S+区 · 20\d\d年 · \S+$/);
      expect(r.href).toMatch(/^\/[a-z]+\/[a-z]+\/20\d\d\/(#[\w-]+|#:~:text=.+)?$/);
      expect(r.marks.join('')).toMatch(/三公|经费/);
    }
    await all.page.close();

    const kaizhou2024 = await visit(browser, `${server.root}search/?q=${q}&district=kaizhou&year=2024`);
    await kaizhou2024.page.waitForSelector('[data-search-list] li');
    const metas = await kaizhou2024.page.$$eval('.search-result-meta', (ps) => ps.map((p) => p.textContent));
    expect(metas).toEqual(['开州区 · 2024年 · 重庆市开州区政务信息中心']);
    expect(await kaizhou2024.page.inputValue('#search-district')).toBe('kaizhou');
    expect(await kaizhou2024.page.inputValue('#search-year')).toBe('2024');
    await kaizhou2024.page.close();
  });
});

test('every internal link and anchor of the build resolves (including #L source lines)', () => {
  const result = crawl(site.outDir, site.base);
  expect(result.pages).toBeGreaterThan(15);
  expect(result.links).toBeGreaterThan(500);
  expect(result.broken).toEqual([]);
});
