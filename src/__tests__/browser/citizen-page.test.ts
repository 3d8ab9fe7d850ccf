/**
 * The unit-year page as a citizen meets it (issue 15), in Chromium against the built site: on a 375 × 812
 * phone the total, the change and the “三公”经费 are on the first screen; the 要点 answers "on what" in
 * words and bars; the numbered original text is on its own page, where a figure's link lands on a
 * highlighted line; a figure a check doubts is marked where it is printed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticServer } from './server.ts';
import { builtSite, readRecords, type BuiltSite } from './site-build.ts';

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

const JIULONGPO = 'jiulongpo/dianzizhengwuzhongxin/2026/';
const YUZHONG = 'yuzhong/renminzhengfubangongshi/2026/';

describe('first screen on a 375 × 812 phone', () => {
  test('every unit-year page shows its total, change and “三公”经费 without scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const ids = readRecords(site.contentDir).map((r) => r.id);
    expect(ids.length).toBe(5);
    for (const id of ids) {
      await page.goto(`${server.root}${id}/`, { waitUntil: 'load' });
      for (const kf of ['total', 'change', 'three-public']) {
        const box = await page.locator(`[data-kf="${kf}"] .kf-value`).boundingBox();
        expect(box, `${id} ${kf}`).not.toBeNull();
        expect(box!.y, `${id} ${kf} top`).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height, `${id} ${kf} bottom`).toBeLessThanOrEqual(812);
        expect(box!.x + box!.width, `${id} ${kf} right edge`).toBeLessThanOrEqual(375);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth), id).toBeLessThanOrEqual(375);
    }
    await page.close();
  });
});

describe('要点', () => {
  test('says in words how much, the change with its basis, what for and the 三公 split', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.root}${YUZHONG}`, { waitUntil: 'load' });
    const summary = (await page.locator('.glance-summary').textContent())!.replace(/\s+/g, '');
    expect(summary).toContain('重庆市渝中区人民政府办公室2026年预算总额11,491.61万元，比2025年增加399.77万元（+3.60%，以本文件所述增减推算的2025年数为基数）');
    expect(summary).toContain('一般公共服务支出10,784.89万元（占93.9%）');
    expect(summary).toContain('项目支出8,870.03万元（占77.2%），用于接待、考察、会议活动及综合保障项目；');
    expect(summary).toContain('“三公”经费367.35万元：公务接待费27.55万元，公务用车运行维护费87.80万元，公务用车购置费252.00万元，其余为0。');
    // The bars: one per function class with money, largest first; the 三公 bars scaled to the 三公 total.
    const labels = await page.locator('#glance-functions-title + p + ol .pb-label').allTextContents();
    expect(labels[0]).toBe('一般公共服务支出');
    const purchase = await page.locator('section:has(#glance-three-public-title) li', { hasText: '公务用车购置费' }).textContent();
    expect(purchase!.replace(/\s+/g, '')).toContain('252.00万元68.6%');
    await page.close();
  });

  test('names the largest project items of the attached table, and a 三公 of zero in words', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.root}${JIULONGPO}`, { waitUntil: 'load' });
    const summary = (await page.locator('.glance-summary').textContent())!.replace(/\s+/g, '');
    expect(summary).toContain('比2025年减少78.06万元（-6.91%，以本文件所述增减推算的2025年数为基数）');
    expect(summary).toContain('其中较大的有委托业务费451.93万元、租赁费410.00万元、电费16.00万元');
    expect(summary).toContain('“三公”经费（因公出国（境）、公务接待、公务用车）预算为0.00万元。');
    expect(await page.locator('#glance-three-public-title ~ .pb-empty').textContent()).toContain('四项均为0');
    await page.close();
  });
});

describe('the key-figure cards', () => {
  test('each figure jumps to the section of the page that shows it; its source line is a small link beside it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const id of readRecords(site.contentDir).map((r) => r.id)) {
      await page.goto(`${server.root}${id}/`, { waitUntil: 'load' });
      const cards = await page.$$eval('.key-figures .kf', (kfs) => kfs.map((kf) => ({
        kf: (kf as HTMLElement).dataset.kf!,
        figures: [...kf.querySelectorAll('.kf-value a')].map((a) => ({ href: a.getAttribute('href')!, text: a.textContent!.trim() })),
        sources: [...kf.querySelectorAll('a.line-link')].map((a) => a.getAttribute('href')!),
      })));
      expect(cards.map((c) => c.kf).sort(), id).toEqual(['change', 'spending', 'three-public', 'total']);
      for (const card of cards) {
        expect(card.figures.length, `${id} ${card.kf}`).toBeGreaterThan(0);
        for (const s of card.sources) expect(s, `${id} ${card.kf}`).toMatch(/^source\/#L\d+$/);
        expect(card.sources.length, `${id} ${card.kf}`).toBe(card.figures.length);
        for (const { href, text } of card.figures) {
          expect(href, `${id} ${card.kf}`).toMatch(/^#[\w-]+$/);
          // The text from the target heading to the next heading shows the same amount.
          const shown = await page.evaluate((target) => {
            const heading = document.getElementById(target);
            if (!heading || !/^H[2-6]$/.test(heading.tagName)) return null;
            const headings = [...document.querySelectorAll('main :is(h2, h3, h4)')];
            const next = headings[headings.indexOf(heading) + 1];
            const range = document.createRange();
            range.setStartBefore(heading);
            if (next) range.setEndBefore(next);
            else range.setEndAfter(document.querySelector('main')!.lastChild!);
            return range.toString().replace(/\s+/g, '');
          }, href.slice(1));
          expect(shown, `${id} ${card.kf} ${href}`).not.toBeNull();
          const plain = text.replace(/^\+/, '');
          expect(shown!.includes(plain) || shown!.includes(plain.replace(/,/g, '')), `${id} ${card.kf} ${text} in ${href}`).toBe(true);
        }
      }
    }
    await page.close();
  });
});

describe('the original text on its own page', () => {
  test('a figure links to its line on the 原文 page, which is highlighted', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.root}${YUZHONG}`, { waitUntil: 'load' });
    expect(await page.locator('#L1').count()).toBe(0);
    const link = page.locator('[data-kf="total"] a.line-link');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^source\/#L\d+$/);
    await link.click();
    await page.waitForURL(/\/source\/#L\d+$/);
    const line = href!.split('#')[1]!;
    const target = page.locator(`#${line}`);
    expect(await target.textContent()).toContain('11491.61');
    expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    const box = await target.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    await page.close();
  });
});

describe('a figure a check doubts', () => {
  test('is marked where it is printed, linking to the finding', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.root}${JIULONGPO}`, { waitUntil: 'load' });
    const mark = page.locator('p:has-text("较2026年增加") + .finding-mark-error, .change-note:has-text("支出比2026年") .finding-mark-error').first();
    expect(await mark.count()).toBe(1);
    const href = await mark.getAttribute('href');
    expect(href).toMatch(/^#finding-\d+$/);
    const finding = page.locator(href!);
    expect(await finding.getAttribute('data-code')).toBe('change.impossible-year');
    await page.close();
  });
});

describe('print (A4)', () => {
  test('a wide attached table prints whole on a landscape page; no contents list; downloads show their address', async () => {
    // A4 landscape less 10 mm margins: 277 mm ≈ 1047 CSS px.
    const page = await browser.newPage({ viewport: { width: 1047, height: 740 } });
    await page.goto(`${server.root}${JIULONGPO}`, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const table = page.locator('.attached-table', { hasText: '部门收入总表' }).first();
    expect(await table.evaluate((el) => getComputedStyle(el).page)).toBe('wide');
    const fit = await table.locator('.table-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, table: el.querySelector('table')!.getBoundingClientRect().width }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client + 1);
    expect(await table.locator('th', { hasText: '其他收入' }).isVisible()).toBe(true);
    expect(await page.locator('.contents-wide').isVisible()).toBe(false);
    expect(await page.locator('.contents-narrow').isVisible()).toBe(false);
    const after = await page.locator('.downloads a[data-print-url]').first().evaluate((el) => getComputedStyle(el, '::after').content);
    expect(after).toMatch(/https?:\/\/.+\.json/);
    // The printed document: the first page is the 要点, not a half-empty page.
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  });
});

describe('tables on a phone', () => {
  test('the year table puts the sorted column next to the unit, in view; the page never scrolls sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await page.goto(`${server.root}years/2026/three-public/`, { waitUntil: 'load' });
    const header = page.locator('#year-table thead th[aria-sort="descending"]');
    expect(await header.textContent()).toBe('“三公”经费');
    const box = await header.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    expect(await page.locator('#year-table .scroll-hint').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
  });

  test('the unit history puts the latest year first; derived years say 推算', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await page.goto(`${server.root}kaizhou/zhengwuxinxizhongxin/`, { waitUntil: 'load' });
    const years = await page.locator('#history-caption ~ thead th[scope="col"]').allTextContents();
    expect(years[1]).toBe('2026年');
    expect(years.some((y) => y.includes('（推算）'))).toBe(true);
    const latest = await page.locator('#history-caption ~ thead th[scope="col"]').nth(1).boundingBox();
    expect(latest!.x + latest!.width).toBeLessThanOrEqual(375);
    await page.close();
  });
});

describe('comparisons', () => {
  test('the year page has a totals row, shares, % change and a district filter that recomputes the totals', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.root}years/2026/`, { waitUntil: 'load' });
    const totals = page.locator('#year-table tfoot [data-sum="total"]');
    expect(await totals.textContent()).toBe('14,636.66');
    await page.selectOption('#year-district', 'kaizhou');
    expect(await page.locator('#year-table tbody tr:visible').count()).toBe(2);
    expect(await totals.textContent()).toBe('2,093.31');
    expect(await page.locator('[data-filter-status]').textContent()).toContain('开州区');
    await page.close();
  });

  test('a unit-year page gives its share of the district and its rank', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.root}kaizhou/zhengwuxinxizhongxin/2026/`, { waitUntil: 'load' });
    expect((await page.locator('.glance-standing').textContent())!.replace(/\s+/g, '')).toBe('在本站公开的开州区2026年2个单位中，预算总额排第1位，占这些单位合计2,093.31万元的70.9%。');
    await page.close();
  });
});

describe('search, as a citizen types it', () => {
  const results = async (q: string) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.root}search/?q=${encodeURIComponent(q)}`, { waitUntil: 'load' });
    await page.waitForFunction(() => {
      const status = document.querySelector('[data-search-status]')?.textContent ?? '';
      return status.startsWith('没有找到') || status.startsWith('搜索暂时') || document.querySelectorAll('[data-search-list] li').length > 0;
    });
    const items = await page.$$eval('[data-search-list] li', (lis) => lis.map((li) => ({
      href: li.querySelector('a')!.getAttribute('href')!,
      meta: li.querySelector('.search-result-meta')?.textContent ?? '',
      section: li.querySelector('.search-result-section')?.textContent ?? '',
      snippet: li.querySelector('.search-result-snippet')?.textContent ?? '',
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
    })));
    return { page, items };
  };

  test('三公: every unit-year page, snippets from the text (not the contents list), the phrase marked, links into the page', async () => {
    const { page, items } = await results('三公');
    expect(items).toHaveLength(5);
    for (const item of items) {
      expect(item.marks.length, item.href).toBeGreaterThan(0);
      for (const m of item.marks) expect(m).toBe('三公');
      expect(item.snippet).not.toMatch(/本页目录|要点\s*一、/);
      expect(item.href).toMatch(/\/#[\w-]+$/);
    }
    await page.close();
  });

  test('公务接待费: marked as a whole, never a lone 费 or 接待', async () => {
    const { page, items } = await results('公务接待费');
    expect(items.length).toBe(5);
    for (const item of items) {
      expect(item.marks.length, item.href).toBeGreaterThan(0);
      for (const m of item.marks) expect(m).toBe('公务接待费');
    }
    await page.close();
  });

  test('a unit by its pinyin and by its initials', async () => {
    for (const q of ['dianzizhengwu', 'dzzwzx']) {
      const { page, items } = await results(q);
      expect(items.map((i) => i.href.split('#')[0]), q).toEqual(['/jiulongpo/dianzizhengwuzhongxin/2026/']);
      await page.close();
    }
  });

  test('a result links to the heading of the section holding its match, and names that section', async () => {
    for (const q of ['公务接待费', '委托业务费', '职能职责']) {
      const { page, items } = await results(q);
      expect(items.length, q).toBeGreaterThan(0);
      for (const item of items) {
        const id = decodeURIComponent(item.href.split('#')[1] ?? '');
        expect(id, `${q} ${item.href}`).toMatch(/^[\w-]+$/);
        await page.goto(`${server.root}${item.href.replace(/^\//, '')}`, { waitUntil: 'load' });
        // The text from the heading to the next heading: it holds the match the snippet shows.
        const section = await page.evaluate((target) => {
          const headings = [...document.querySelectorAll('main :is(h2, h3, h4, h5, h6)[id]')]
            .filter((h) => !h.closest('[data-pagefind-ignore]'));
          const at = headings.findIndex((h) => h.id === target);
          if (at < 0) return null;
          const range = document.createRange();
          range.setStartBefore(headings[at]!);
          if (headings[at + 1]) range.setEndBefore(headings[at + 1]!);
          else range.setEndAfter(document.querySelector('main')!.lastChild!);
          return { heading: headings[at]!.textContent!.trim(), text: range.toString() };
        }, id);
        expect(section, `${q} ${item.href}`).not.toBeNull();
        expect(section!.text, `${q} ${item.href}`).toContain(q);
        expect(item.section, item.href).toBe(`见“${section!.heading}”`);
      }
      await page.close();
    }
  });
});
