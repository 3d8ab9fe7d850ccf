/**
 * A real disclosure (seed 000) carrying hostile text in the unit's duties, structure, change reasons,
 * glossary definitions, contact line and table-like lines (fixtures/hostile.txt), built beside a draft
 * (seed 002 with `status: draft`). Every payload must stay inert text everywhere the site shows it:
 * pages, glossary, search results, CSV (formula cells defused) and JSON (kept literally); the build must
 * run none of it; the draft must appear nowhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, visit } from './browser.ts';
import { pagePath, siteFiles } from './crawl.ts';
import { serveStatic, type StaticServer } from './server.ts';
import { DRAFT_SEED, PWNED_FILE, ROOT, builtSite, readRecords, type BuiltSite } from './site-build.ts';
import type { UnitYearRecord } from '../../domain/schema/record.ts';

const FIXTURE = readFileSync(new URL('./fixtures/hostile.txt', import.meta.url), 'utf8');

/** The payloads planted in the fixture, each exactly as written there. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '</title><script>alert(3)</script>',
  '<a href="javascript:alert(4)">全区</a>',
  '{process.exit(1)}',
  '" onmouseover="alert(5)" data-x="',
  '[点击查看](javascript:alert(6))',
  '<svg onload=alert(7)>',
  '<iframe src="javascript:alert(8)"></iframe>',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/","点击")',
  '<script>alert(9)</script>',
  "' onfocus='alert(10)' autofocus='",
  '{globalThis.process.exit(1)}',
  '<a href="javascript:alert(11)">链接</a>',
  '=HYPERLINK("http://evil.example/")',
  "import { writeFileSync } from 'node:fs'; writeFileSync('gongkai-pwned.txt', 'x')",
  'export const pwned = process.exit(1)',
  '<!-- <script>alert(12)</script> -->',
  '<style>*{display:none}</style><link rel="stylesheet" href="https://evil.example/x.css">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(13)"><base href="https://evil.example/">',
  '<object data="javascript:alert(14)"></object><embed src="javascript:alert(15)">',
  '<form action="javascript:alert(16)"><button>提交</button></form>',
  "${alert(17)} {{constructor.constructor('alert(18)')()}}",
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(19)>',
  'javascript:alert(20)',
  'data:text/html,<script>alert(21)</script>',
  ']]><script>alert(22)</script>',
  '<details open ontoggle=alert(23)>展开</details>',
  '<video><source onerror=alert(24)></video>',
  '&lt;script&gt;alert(25)&lt;/script&gt;',
];

/** Elements or attributes that exist only if a payload was parsed as markup. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const selector = [
      'script:not([src]):not([type="application/json"])', 'img[src="x"]', 'iframe', 'object', 'embed', 'base', 'meta[http-equiv]', 'style',
      'video', 'math', 'mglyph', 'a[href^="javascript:" i]', 'form[action^="javascript:" i]',
      'link[href*="evil.example"]', '[data-x]', '[autofocus]',
    ].join(', ');
    for (const el of document.querySelectorAll(selector)) found.push(el.outerHTML.slice(0, 80));
    // Data blocks (chart data) are inert, but text breaking out of one would leave invalid JSON behind.
    for (const el of document.querySelectorAll('script[type="application/json"]')) {
      try {
        JSON.parse(el.textContent ?? '');
      } catch {
        found.push(`data block that is not JSON: ${el.outerHTML.slice(0, 80)}`);
      }
    }
    for (const el of document.querySelectorAll('*')) {
      const handlers = [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on'));
      if (handlers.length) found.push(`<${el.tagName.toLowerCase()} ${handlers.map((a) => a.name).join(' ')}>`);
    }
    return found;
  });
}

/** Splits RFC 4180 CSV text (BOM, quoted fields, CRLF) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i++;
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const norm = (s: string) => s.replace(/\s+/g, ' ');

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let record: UnitYearRecord;
let draftUnit: string;

beforeAll(async () => {
  site = await builtSite('hostile');
  server = await serveStatic(site.outDir, site.base);
  browser = await launchBrowser();
  const records = readRecords(site.contentDir);
  record = records.find((r) => r.source.file === 'hostile.txt')!;
  draftUnit = records.find((r) => r.source.file === DRAFT_SEED)!.identity.unit;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the fixture is a real disclosure carrying at least 20 distinct payloads', () => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(20);
  for (const p of PAYLOADS) expect(FIXTURE, p).toContain(p);
  expect(record.identity.unit).toBe('重庆市开州区政务信息中心');
  expect(record.release.status).toBe('published');
});

test('the build ran none of it: it finished, wrote nothing, and the record keeps the payloads as data', () => {
  expect(existsSync(join(ROOT, PWNED_FILE))).toBe(false);
  expect(existsSync(join(site.outDir, PWNED_FILE))).toBe(false);
  const json = readFileSync(join(site.outDir, record.id, 'record.json'), 'utf8');
  const data = JSON.parse(json) as UnitYearRecord;
  expect(data.duties[0]!.items[0]!.text).toContain('<script>alert(1)</script>');
  expect(data.glossary.find((g) => g.term === '财政拨款收入')!.definition).toContain('<script>alert(9)</script>');
  expect(data.threePublic.reception.change!.reason).toBe('=HYPERLINK("http://evil.example/","点击")进一步压缩“三公”支出，确保办公运行正常支出');
  for (const p of PAYLOADS) expect(json, p).toContain(JSON.stringify(p).slice(1, -1));
});

test('the draft appears nowhere: no page, no link, no index entry, no data row', () => {
  const files = siteFiles(site.outDir);
  expect(files.some((f) => f.startsWith(`${readRecords(site.contentDir).find((r) => r.source.file === DRAFT_SEED)!.id}/`))).toBe(false);
  for (const f of files) {
    const bytes = readFileSync(join(site.outDir, f));
    const text = /\.pf_(fragment|index|meta|filter)$/.test(f) ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
    expect(text.includes(draftUnit), f).toBe(false);
  }
});

test('CSV cells a spreadsheet would run as formulas are defused', () => {
  const csvs = siteFiles(site.outDir).filter((f) => f.endsWith('.csv'));
  expect(csvs.length).toBeGreaterThan(2);
  const cells = csvs.flatMap((f) => parseCsv(readFileSync(join(site.outDir, f), 'utf8')).flat().map((cell) => ({ f, cell })));
  const live = cells.filter(({ cell }) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell));
  expect(live).toEqual([]);
  expect(cells.map((c) => c.cell)).toContain('\'=HYPERLINK("http://evil.example/","点击")进一步压缩“三公”支出，确保办公运行正常支出');
});

describe('in the browser', () => {
  test('no page runs or builds anything from the payloads, and they read as text', async () => {
    const pages = siteFiles(site.outDir).filter((f) => f.endsWith('.html'));
    const failures: string[] = [];
    for (const file of pages) {
      const path = pagePath(file, '').replace(/^\//, '');
      const v = await visit(browser, `${server.root}${path}`);
      const problems = await v.settle();
      for (const [what, items] of Object.entries(problems)) if (items.length) failures.push(`${file} ${what}: ${items.join(' | ')}`);
      for (const el of await injected(v.page)) failures.push(`${file}: element from a payload: ${el}`);
      await v.page.close();
    }
    expect(failures).toEqual([]);
  }, 240_000);

  test('the unit-year page keeps its own title; its 原文 page shows every payload as text', async () => {
    const v = await visit(browser, `${server.root}${record.id}/`);
    expect(await v.page.title()).toBe(`${record.identity.unit} 2026年部门预算 - 公开 · 预算公开`);
    expect((await v.settle()).dialogs).toEqual([]);
    await v.page.close();
    const s = await visit(browser, `${server.root}${record.id}/source/`);
    const text = norm(await s.page.evaluate(() => document.body.textContent ?? ''));
    for (const p of PAYLOADS) expect(text, p).toContain(norm(p));
    expect(await injected(s.page)).toEqual([]);
    expect((await s.settle()).dialogs).toEqual([]);
    await s.page.close();
  });

  test('the glossary shows the hostile definitions as text', async () => {
    const v = await visit(browser, `${server.root}glossary/`);
    const text = norm(await v.page.evaluate(() => document.body.textContent ?? ''));
    for (const p of ['<script>alert(9)</script>', "' onfocus='alert(10)' autofocus='", '{globalThis.process.exit(1)}', '<a href="javascript:alert(11)">链接</a>']) {
      expect(text, p).toContain(p);
    }
    expect(await injected(v.page)).toEqual([]);
    expect((await v.settle()).dialogs).toEqual([]);
    await v.page.close();
  });

  test('search results show payloads as text', async () => {
    for (const q of ['alert', 'script', 'HYPERLINK', 'onerror']) {
      const v = await visit(browser, `${server.root}search/?q=${encodeURIComponent(q)}`);
      await v.page.waitForSelector('[data-search-list] li');
      const snippets = await v.page.$$eval('.search-result-snippet', (ps) => ps.map((p) => p.textContent ?? ''));
      expect(snippets.join(' '), q).toMatch(/[<>=]/);
      expect(await v.page.$$eval('.search-result-snippet *', (els) => els.map((e) => e.tagName)), q).toEqual(expect.arrayContaining(['MARK']));
      expect(new Set(await v.page.$$eval('.search-result-snippet *', (els) => els.map((e) => e.tagName)))).toEqual(new Set(['MARK']));
      expect(await injected(v.page), q).toEqual([]);
      const problems = await v.settle();
      expect([...problems.dialogs, ...problems.consoleErrors, ...problems.cspViolations], q).toEqual([]);
      await v.page.close();
    }
  });
});
