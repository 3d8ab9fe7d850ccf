/**
 * Why the site reads the Pagefind index itself (src/client/search-engine.ts) instead of running
 * Pagefind's own pagefind.js: Pagefind's search compiles WebAssembly, which Chromium refuses under the
 * site's CSP (`script-src 'self'`) and allows only with `script-src 'self' 'wasm-unsafe-eval'`.
 * If a Pagefind release stops needing WebAssembly, the first test fails and the choice can be revisited.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, visit } from './browser.ts';
import { serveStatic, shippedHeaders } from './server.ts';

let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-pagefind-wasm-'));
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  await index!.addHTMLFile({ url: '/a/', content: '<html lang="zh-CN"><body><main data-pagefind-body><h1>三公经费</h1><p>政务服务</p></main></body></html>' });
  await index!.writeFiles({ outputPath: join(dir, 'pagefind') });
  await pagefind.close();
  mkdirSync(join(dir, 'try'));
  writeFileSync(join(dir, 'try', 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title><script type="module" src="./try.js"></script></head><body><p id="out">…</p></body></html>');
  writeFileSync(join(dir, 'try', 'try.js'), `
    const out = document.getElementById('out');
    try {
      const pf = await import('/pagefind/pagefind.js');
      const found = await pf.search('政务服务');
      out.textContent = 'found ' + found.results.length;
    } catch (e) {
      out.textContent = 'error ' + e;
    }`);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function tryPagefind(csp: string): Promise<string> {
  const server = await serveStatic(dir, '/', { ...shippedHeaders(), 'Content-Security-Policy': csp });
  try {
    const v = await visit(browser, `${server.root}try/`);
    await v.page.waitForFunction(() => document.getElementById('out')?.textContent !== '…');
    const text = await v.page.textContent('#out');
    await v.page.close();
    return text ?? '';
  } finally {
    await server.close();
  }
}

test("Pagefind's own search cannot run under the site's CSP: WebAssembly is blocked", async () => {
  const csp = shippedHeaders()['Content-Security-Policy']!;
  expect(csp).toBe("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'");
  expect(await tryPagefind(csp)).toMatch(/^error .*WebAssembly.*Content Security Policy/s);
});

test("it would need script-src 'wasm-unsafe-eval' (and nothing else)", async () => {
  const csp = shippedHeaders()['Content-Security-Policy']!.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");
  expect(await tryPagefind(csp)).toBe('found 1');
});
