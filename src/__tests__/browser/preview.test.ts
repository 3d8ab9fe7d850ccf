/**
 * The officials' preview in Chromium, in the dev server (`astro dev`) and in `npm run build:preview`, on a
 * copy of the project whose seeds hold: seed 002 as a draft, seed 001 embargoed, and beside the published
 * seed 003 a draft correction of it (公务接待费 27.55 → 25.55, “三公” 367.35 → 365.35). The banner is on
 * the records that are not public and on no other page, stays at the top of the window while scrolling,
 * and says which state; the lists mark the same records; the correction shows the figures it changes next
 * to the published version, which stays reachable at v1/. (What the production build leaves out, and the
 * published correction, are in scripts/release/__tests__/leak.build.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SEEDS, tempDir } from '../../../scripts/ingest/__tests__/helpers.ts';
import { childEnv } from '../../../scripts/release/__tests__/helpers.ts';
import { copyProject, freePort, npmRun } from '../../../scripts/release/__tests__/project.ts';
import { axeViolations, horizontalOverflow, launchBrowser, visit } from './browser.ts';
import { serveStatic, type StaticServer } from './server.ts';

const DRAFT = '/kaizhou/shuzihuachengshiyunxinghezhilizhongxin/2026/';
const EMBARGOED = '/kaizhou/zhengwuxinxizhongxin/2024/';
const PUBLISHED = '/jiulongpo/dianzizhengwuzhongxin/2026/';
const CORRECTED = '/yuzhong/renminzhengfubangongshi/2026/';

const project = tempDir('preview');
let browser: Browser;
let dev: ChildProcess | undefined;
let devOrigin = '';
let staticServer: StaticServer;

/** Waits until the dev server answers `path` with a page containing `text`. */
async function devReady(path: string, text: string, limitMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    try {
      const res = await fetch(`${devOrigin}${path}`);
      if (res.ok && (await res.text()).includes(text)) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the dev server did not serve ${path} within ${limitMs} ms`);
}

beforeAll(async () => {
  copyProject(project.path);
  const seeds = join(project.path, 'seeds');
  writeFileSync(join(seeds, `${SEEDS['002']}.meta.yml`), 'status: draft\n');
  writeFileSync(join(seeds, `${SEEDS['001']}.meta.yml`), 'publishAt: 2099-01-01\n');
  const original = readFileSync(join(seeds, SEEDS['003']), 'utf8');
  writeFileSync(join(seeds, 'zz-003-corrected.txt'), original
    .replace('2026年“三公”经费预算367.35万元，比2025年增加40.9万元', '2026年“三公”经费预算365.35万元，比2025年增加38.9万元')
    .replace('公务接待费27.55万元，比2025年减少1.3万元', '公务接待费25.55万元，比2025年减少3.3万元'));
  writeFileSync(join(seeds, 'zz-003-corrected.txt.meta.yml'), 'status: draft\ncorrections:\n  - date: 2026-06-10\n    note: 更正了公务接待费的金额。\n');

  const build = await npmRun(project.path, 'build:preview');
  if (build.status !== 0) throw new Error(`npm run build:preview failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  staticServer = await serveStatic(join(project.path, 'dist-preview'));

  const port = await freePort();
  devOrigin = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, [join(project.path, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: project.path, env: childEnv(), stdio: 'ignore',
  });
  await devReady(DRAFT, 'banner-preview', 180_000); // the first request compiles the page
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  dev?.kill();
  await staticServer?.close();
  project.cleanup();
});

/** The banner's text, or null when the page has none. */
const bannerText = (page: Page) => page.evaluate(() => document.querySelector('.banner-preview')?.textContent?.replace(/\s+/g, ' ').trim() ?? null);

/** The banner's top edge and whether it is what the window shows at its top, after scrolling down. */
async function bannerAfterScroll(page: Page): Promise<{ top: number; onTop: boolean; scrolled: number }> {
  await page.evaluate(() => window.scrollTo(0, 2500));
  return page.evaluate(() => {
    const banner = document.querySelector('.banner-preview')!;
    const at = document.elementFromPoint(window.innerWidth / 2, 4);
    return { top: banner.getBoundingClientRect().top, onTop: !!at && banner.contains(at), scrolled: window.scrollY };
  });
}

const targets = [
  ['dev server', () => devOrigin],
  ['build:preview', () => staticServer.root.replace(/\/$/, '')],
] as const;

describe.each(targets)('%s', (_name, origin) => {
  const open = async (path: string, width = 1280): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height: 812 } });
    await page.goto(`${origin()}${path}`, { waitUntil: 'load' });
    return page;
  };

  test('the banner is on unpublished records only, says which state, and stays on top while scrolling', async () => {
    for (const width of [1280, 375]) {
      const page = await open(DRAFT, width);
      expect(await bannerText(page)).toMatch(/^预览稿 · 草稿/);
      const after = await bannerAfterScroll(page);
      expect(after.scrolled, 'the page scrolled').toBeGreaterThan(1000);
      expect(after.top).toBe(0);
      expect(after.onTop, 'the banner is what the window shows at its top').toBe(true);
      await page.close();
    }
    const embargoed = await open(EMBARGOED);
    expect(await bannerText(embargoed)).toMatch(/^预览稿 · 定于 2099-01-01 发布/);
    await embargoed.close();
    for (const path of [PUBLISHED, '/', '/years/2026/', '/quality/']) {
      const page = await open(path);
      expect(await bannerText(page), path).toBeNull();
      await page.close();
    }
  });

  test('lists mark the draft, the embargoed record and the correction', async () => {
    const page = await open('/');
    const marks = await page.$$eval('.release-mark', (els) => els.map((e) => `${e.closest('tr')?.querySelector('th')?.textContent?.trim()}`));
    expect(marks).toEqual(expect.arrayContaining([
      expect.stringContaining('数字化城市运行和治理中心草稿'),
      expect.stringContaining('人民政府办公室更正稿（将替换已发布版本）'),
      expect.stringContaining('政务信息中心定于 2099-01-01 发布'),
    ]));
    await page.close();
  });

  test('the correction is previewed with the figures it changes, beside the published version', async () => {
    const page = await open(CORRECTED);
    expect(await bannerText(page)).toMatch(/^预览稿 · 更正稿（将替换已发布版本）.*查看已发布版本$/);
    const rows = await page.$$eval('#changes tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
    expect(rows).toEqual([['“三公”经费合计', '367.35', '365.35'], ['公务接待费', '27.55', '25.55']]);
    await page.click('.banner-preview a');
    await page.waitForURL(/\/2026\/v1\/$/);
    expect(await page.textContent('h1')).toContain('更正前的第1版');
    expect(await page.textContent('.version-notice')).toContain('正式网站目前显示的版本');
    await page.close();
  });
});

describe('build:preview in Chromium', () => {
  test('the preview pages pass axe, keep the CSP and do not overflow on a phone', async () => {
    for (const path of [DRAFT, CORRECTED, `${CORRECTED}v1/`, PUBLISHED]) {
      for (const width of [1280, 375]) {
        const v = await visit(browser, `${staticServer.root}${path.slice(1)}`, { width });
        const problems = await v.settle();
        expect(problems, path).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], cspViolations: [], dialogs: [] });
        if (width === 375) expect(await horizontalOverflow(v.page), path).toBe(0);
        else expect(await axeViolations(v.page), path).toEqual([]);
        await v.page.close();
      }
    }
  });

  test('the findings panel: counts, each code with its lines, what to check and the lines to acknowledge (selected whole on a click)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${staticServer.root}${PUBLISHED.slice(1)}`);
    const panel = page.locator('#preview-findings');
    expect(await panel.locator('.count').allTextContents()).toEqual(['错误 1 项', '提示 1 项', '说明 4 项']);
    const item = panel.locator('.pf-item[data-code="change.impossible-year"]');
    expect(await item.textContent()).toContain('原文第24行');
    expect(await item.textContent()).toContain('请核对：');
    await item.locator('.ack-snippet').click();
    expect((await page.evaluate(() => window.getSelection()?.toString() ?? '')).trimEnd()).toBe('  - code: change.impossible-year\n    explanation: 请在此写明单位的说明');
    expect(await panel.textContent()).toContain('收入比上年减少78.06万元');
    await page.close();
  });
});
