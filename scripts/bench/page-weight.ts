/**
 * Page weight of built pages: gzip size of a page's HTML, of the stylesheets it links and of the scripts
 * it loads (module scripts, modulepreloads and the chunks they import statically), as a browser would
 * fetch them on a first visit.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  /** Page path relative to dist/ (e.g. kaizhou/zhengwuxinxizhongxin/2026/index.html). */
  page: string;
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
  /** Files counted, relative to dist/. */
  css: string[];
  js: string[];
}

const gz = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length;

/** Every file under `dir`, relative paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, name.name);
      if (name.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** Total bytes and file count of a folder. */
export function folderSize(dir: string): { bytes: number; files: number } {
  const files = listFiles(dir);
  return { bytes: files.reduce((s, f) => s + statSync(join(dir, f)).size, 0), files: files.length };
}

/** A URL in the page → a file in dist (root-relative or relative to the page); null for other origins. */
function toFile(dist: string, page: string, url: string): string | null {
  if (/^[a-z]+:|^\/\//i.test(url)) return null;
  const path = url.split(/[?#]/)[0]!;
  const abs = path.startsWith('/') ? join(dist, path) : resolve(dirname(join(dist, page)), path);
  return relative(dist, abs);
}

const attr = (tag: string, name: string): string | null => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1] ?? null;

/** Stylesheets and scripts a page loads (scripts with their static imports). */
export function pageAssets(dist: string, page: string): { css: string[]; js: string[] } {
  const html = readFileSync(join(dist, page), 'utf8');
  const css = new Set<string>();
  const js = new Set<string>();
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, 'rel') ?? '';
    const href = attr(tag, 'href');
    if (!href) continue;
    const file = toFile(dist, page, href);
    if (!file) continue;
    if (/\bstylesheet\b/i.test(rel)) css.add(file);
    else if (/\bmodulepreload\b/i.test(rel)) js.add(file);
  }
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, 'src');
    const file = src ? toFile(dist, page, src) : null;
    if (file) js.add(file);
  }
  // Static imports inside the chunks (import"./x.js", from"./x.js"); dynamic import() is not a first-visit cost.
  const queue = [...js];
  while (queue.length) {
    const file = queue.pop()!;
    let text: string;
    try { text = readFileSync(join(dist, file), 'utf8'); } catch { continue; }
    for (const m of text.matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.m?js)["']/g)) {
      const dep = relative(dist, resolve(dirname(join(dist, file)), m[1]!));
      if (!js.has(dep)) { js.add(dep); queue.push(dep); }
    }
  }
  return { css: [...css].sort(), js: [...js].sort() };
}

/** Gzip weight of one page and what it loads. */
export function pageWeight(dist: string, page: string): PageWeight {
  const { css, js } = pageAssets(dist, page);
  const sizeOf = (files: string[]): number => files.reduce((s, f) => {
    try { return s + gz(readFileSync(join(dist, f))); } catch { return s; }
  }, 0);
  return { page, htmlGzip: gz(readFileSync(join(dist, page))), cssGzip: sizeOf(css), jsGzip: sizeOf(js), css, js };
}

/** Unit-year pages: <district>/<unit>/<year>/index.html. */
export const isUnitYearPage = (file: string): boolean => /^[^/]+\/[^/]+\/\d{4}\/index\.html$/.test(file);

/**
 * The typical unit-year page (median HTML size), the heaviest page that draws a chart (has a <canvas> or
 * loads Chart.js) and a page without a chart: a unit-year page if some have none, else a unit or district
 * page. Null entries when the site has none.
 */
export function typicalPages(dist: string, htmlFiles: string[]): { typical: PageWeight | null; chart: PageWeight | null; chartless: PageWeight | null } {
  const unitYear = htmlFiles.filter(isUnitYearPage).map((f) => ({ f, size: statSync(join(dist, f)).size })).sort((a, b) => a.size - b.size);
  const median = unitYear[Math.floor(unitYear.length / 2)];
  const typical = median ? pageWeight(dist, median.f) : null;
  const hasChart = (file: string): boolean => {
    const html = readFileSync(join(dist, file), 'utf8');
    if (/<canvas\b/i.test(html)) return true;
    return pageAssets(dist, file).js.some((j) => { try { return /chart\.js|Chart\.register|new Chart\b/.test(readFileSync(join(dist, j), 'utf8')); } catch { return false; } });
  };
  // Charts may sit on unit-year pages or unit pages: look at a spread sample of both.
  const candidates = htmlFiles.filter((f) => isUnitYearPage(f) || /^[^/]+\/[^/]+\/index\.html$/.test(f));
  const step = Math.max(1, Math.floor(candidates.length / 200));
  const sampled = candidates.filter((_, i) => i % step === 0);
  const withChart = sampled.filter(hasChart);
  const chart = withChart.length ? withChart.map((f) => pageWeight(dist, f)).sort((a, b) => b.jsGzip - a.jsGzip)[0]! : null;
  // Chart-less: a unit-year page without a chart if there is one, else a unit or district page without.
  const byPreference = [
    ...unitYear.slice(Math.floor(unitYear.length / 2)).map((p) => p.f),
    ...htmlFiles.filter((f) => /^[^/]+\/[^/]+\/index\.html$/.test(f)),
    ...htmlFiles.filter((f) => /^[^/]+\/index\.html$/.test(f)),
  ].slice(0, 400);
  const chartlessPage = byPreference.find((f) => !hasChart(f));
  const chartless = chartlessPage ? pageWeight(dist, chartlessPage) : null;
  return { typical, chart, chartless };
}
