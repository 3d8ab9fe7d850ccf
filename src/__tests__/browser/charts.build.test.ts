/**
 * Charts in the built site (seeds/), in Chromium under the production CSP: on a unit-year page, a unit
 * page and year pages, at 1280 and 375 px, every chart's canvas draws bars in the palette's colours, with
 * no console error; printing draws the charts never scrolled to; reduced motion draws at once; without
 * JavaScript the figures are hidden and the tables remain. Also the JavaScript budget: all JS of a chart
 * page ≤ 60 KB gzip, and pages without a chart ship no JavaScript of the charts.
 *
 * Set CHART_SCREENSHOTS=<folder> to save a screenshot of every chart at both widths.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, visit } from './browser.ts';
import { serveStatic, type StaticServer } from './server.ts';
import { builtSite, type BuiltSite } from './site-build.ts';

/** Pages with charts, relative to the base, and the charts each must have (by figure id). */
const CHART_PAGES: ReadonlyArray<{ path: string; charts: string[] }> = [
  // 功能分类, 基本/项目 vs the implied 2025, 经济分类 of 基本支出 and of 项目支出 (attached tables)
  { path: 'jiulongpo/dianzizhengwuzhongxin/2026/', charts: ['chart-function', 'chart-spending', 'chart-t3', 'chart-t10'] },
  // “三公” items this year vs last year's derived ones
  { path: 'yuzhong/renminzhengfubangongshi/2026/', charts: ['chart-function', 'chart-spending', 'chart-three-public'] },
  // the unit across 2023 (derived), 2024, 2025 (derived), 2026
  { path: 'kaizhou/zhengwuxinxizhongxin/', charts: ['chart-trend-budget', 'chart-trend-three-public'] },
  { path: 'years/2026/', charts: ['chart-year-total'] },
  { path: 'years/2026/change/', charts: ['chart-year-change'] },
];
const WIDTHS = [1280, 375] as const;
/** The palette (src/client/charts.ts) as RGB. */
const PALETTE = [[0x00, 0x72, 0xb2], [0xe6, 0x9f, 0x00], [0x00, 0x9e, 0x73], [0xcc, 0x79, 0xa7]];
/** 60 KB, counted as 60 000 bytes (the stricter reading). */
const BUDGET_BYTES = 60_000;
const SHOTS = process.env.CHART_SCREENSHOTS;

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await builtSite('normal');
  server = await serveStatic(site.outDir, site.base);
  browser = await launchBrowser();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What a chart's canvas holds: its size and how many pixels are painted, and painted in a palette colour. */
interface Pixels {
  id: string;
  width: number;
  height: number;
  painted: number;
  palette: number;
}

/** Reads the pixels of every chart canvas of the page. */
function readCanvases(page: Page): Promise<Pixels[]> {
  return page.evaluate((palette) => [...document.querySelectorAll<HTMLElement>('[data-chart]')].map((figure) => {
    const canvas = figure.querySelector<HTMLCanvasElement>('canvas[role="img"]')!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    let inPalette = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      painted++;
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (palette.some(([pr, pg, pb]) => Math.abs(r - pr!) + Math.abs(g - pg!) + Math.abs(b - pb!) < 12)) inPalette++;
    }
    return { id: figure.id, width: canvas.width, height: canvas.height, painted, palette: inPalette };
  }), PALETTE);
}

/** Scrolls each chart into view, then waits until each is drawn and its pixels stop changing (animation over). */
async function drawAll(page: Page): Promise<void> {
  for (const figure of await page.$$('[data-chart]')) {
    await figure.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el.classList.contains('chart-drawn'), figure, { timeout: 5_000 });
  }
  let before = JSON.stringify(await readCanvases(page));
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    const now = JSON.stringify(await readCanvases(page));
    if (now === before) return;
    before = now;
  }
  throw new Error('chart pixels never settled');
}

describe('every chart draws', () => {
  for (const width of WIDTHS) {
    test(`at ${width} px: bars in the palette on every chart, no console errors or CSP violations`, async () => {
      const failures: string[] = [];
      for (const { path, charts } of CHART_PAGES) {
        const v = await visit(browser, `${server.root}${path}`, { width });
        await drawAll(v.page);
        const pixels = await readCanvases(v.page);
        expect(pixels.map((p) => p.id), path).toEqual(charts);
        for (const p of pixels) {
          const area = p.width * p.height;
          if (area === 0) failures.push(`${path} ${p.id}: empty canvas`);
          else if (p.painted < area * 0.02) failures.push(`${path} ${p.id}: only ${p.painted} of ${area} pixels painted`);
          if (p.palette < 500) failures.push(`${path} ${p.id}: only ${p.palette} pixels in the palette's colours (no bars?)`);
        }
        const overflow = await v.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) failures.push(`${path}: ${overflow}px horizontal overflow`);
        if (SHOTS) {
          for (const figure of await v.page.$$('[data-chart]')) {
            const id = await figure.getAttribute('id');
            await figure.screenshot({ path: join(SHOTS, `${path.replace(/\W+/g, '_')}${id}-${width}.png`) });
          }
        }
        const problems = await v.settle();
        for (const e of [...problems.consoleErrors, ...problems.pageErrors, ...problems.cspViolations, ...problems.failedRequests]) {
          failures.push(`${path}: ${e}`);
        }
        await v.page.close();
      }
      expect(failures).toEqual([]);
    }, 120_000);
  }
});

test('printing draws every chart, including those never scrolled to, and keeps them inside the page', async () => {
  const { path, charts } = CHART_PAGES[0]!;
  const v = await visit(browser, `${server.root}${path}`, { width: 1280 });
  const drawnBefore = await v.page.$$eval('[data-chart].chart-drawn', (els) => els.length);
  expect(drawnBefore).toBeLessThan(charts.length); // the last charts are far below the fold
  await v.page.emulateMedia({ media: 'print' });
  await v.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const pixels = await readCanvases(v.page);
  expect(pixels.map((p) => p.id)).toEqual(charts);
  for (const p of pixels) expect(p.palette, p.id).toBeGreaterThan(500);
  const widths = await v.page.$$eval('[data-chart] canvas[role="img"]', (cs) => cs.map((c) => [c.getBoundingClientRect().width, c.parentElement!.getBoundingClientRect().width]));
  for (const [canvas, box] of widths) expect(canvas).toBeLessThanOrEqual(box! + 0.5);
  const pdf = await v.page.pdf({ format: 'A4' });
  expect(pdf.length).toBeGreaterThan(10_000);
  await v.page.close();
});

test('no series looks like the 推算 fill: series marks are never diagonal, only the derived key entry is', async () => {
  const v = await visit(browser, `${server.root}yuzhong/renminzhengfubangongshi/2026/`, { width: 1280 });
  await drawAll(v.page);
  // Per legend swatch: how much each pixel row differs from the next one, as is and shifted sideways by one
  // pixel. Diagonal lines repeat shifted; upright marks (solid, dots, grid, lines) repeat as they are.
  const swatches = await v.page.$$eval('#chart-spending .chart-legend li', (items) => items.map((li) => {
    const canvas = li.querySelector('canvas')!;
    const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const at = (x: number, y: number) => data[(y * width + x) * 4]! + data[(y * width + x) * 4 + 1]! + data[(y * width + x) * 4 + 2]!;
    let straight = 0;
    let left = 0;
    let right = 0;
    for (let y = 0; y + 1 < height; y++) {
      for (let x = 1; x + 1 < width; x++) {
        straight += Math.abs(at(x, y) - at(x, y + 1));
        left += Math.abs(at(x, y) - at(x - 1, y + 1));
        right += Math.abs(at(x, y) - at(x + 1, y + 1));
      }
    }
    return { label: li.textContent!, diagonal: Math.min(left, right) < straight / 2, straight, left, right };
  }));
  expect(swatches.map((s) => s.label)).toEqual(['基本支出', '项目支出', '白底斜线、带边框 = 推算：由“比上年增减”倒推，非原文数字']);
  expect(swatches.map((s) => s.diagonal), JSON.stringify(swatches)).toEqual([false, false, true]);
  await v.page.close();
});

test('with reduced motion a chart is complete as soon as it is drawn (no animation)', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  await page.goto(`${server.root}${CHART_PAGES[3]!.path}`);
  const figure = (await page.$('[data-chart]'))!;
  await figure.scrollIntoViewIfNeeded();
  await page.waitForFunction((el) => el.classList.contains('chart-drawn'), figure);
  const first = await readCanvases(page);
  await page.waitForTimeout(700);
  expect(await readCanvases(page)).toEqual(first);
  expect(first[0]!.palette).toBeGreaterThan(500);
  await page.close();
});

test('without JavaScript the figures are hidden and the tables with the same numbers remain', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.root}${CHART_PAGES[2]!.path}`);
  const displays = await page.$$eval('[data-chart]', (els) => els.map((el) => getComputedStyle(el).display));
  expect(displays).toEqual(['none', 'none']);
  expect(await page.$$eval('table', (ts) => ts.length)).toBeGreaterThan(0);
  await context.close();
});

describe('JavaScript budget', () => {
  const html = (rel: string) => readFileSync(join(site.outDir, rel), 'utf8');
  const htmlFiles = () => readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));

  /** Every JS file a page loads: its module scripts and, transitively, the modules they import. */
  function scriptsOf(page: string): string[] {
    const seen = new Set<string>();
    const queue = [...html(page).matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
    while (queue.length) {
      const src = queue.shift()!;
      const file = join(site.outDir, src.slice(site.base.length));
      if (seen.has(file)) continue;
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/(?:import|from)\s*\(?\s*["']\.\/([^"']+\.js)["']/g)) queue.push(`${src.replace(/[^/]+$/, '')}${m[1]}`);
    }
    return [...seen];
  }

  test('all JavaScript of each chart page is at most 60 KB gzip', () => {
    for (const { path } of CHART_PAGES) {
      const files = scriptsOf(join(path, 'index.html'));
      expect(files.length, path).toBeGreaterThan(0);
      const gzip = files.reduce((total, f) => total + gzipSync(readFileSync(f), { level: 9 }).length, 0);
      expect(gzip, `${path}: ${files.join(', ')}`).toBeLessThanOrEqual(BUDGET_BYTES);
    }
  });

  test('no page has inline executable script; the chart module is on exactly the pages with a chart', () => {
    const chartModule = scriptsOf(join(CHART_PAGES[0]!.path, 'index.html'))[0]!;
    const name = chartModule.slice(chartModule.lastIndexOf('/') + 1);
    const pages = htmlFiles();
    expect(pages.length).toBeGreaterThan(15);
    for (const page of pages) {
      const text = html(page);
      const inline = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
        .filter(([, attrs, body]) => !/type="application\/json"/.test(attrs!) && body!.trim() !== '');
      expect(inline.map(([tag]) => tag.slice(0, 80)), page).toEqual([]);
      expect(text.includes(name), page).toBe(text.includes('data-chart'));
    }
  });

  test('a page without a chart ships no JavaScript (/data/)', () => {
    expect(existsSync(join(site.outDir, 'data', 'index.html'))).toBe(true);
    expect(html(join('data', 'index.html'))).not.toMatch(/<script\b(?![^>]*application\/json)/);
  });
});
