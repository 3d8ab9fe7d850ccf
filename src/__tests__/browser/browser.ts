/**
 * Chromium for the browser tests (Debian's /usr/bin/chromium driven by playwright-core) and what the
 * tests check on a page: problems seen while loading (console errors, uncaught errors, failed or 4xx/5xx
 * requests, CSP violations, dialogs), horizontal overflow, axe-core violations, keyboard focus.
 * The page is never given bypassCSP: the CSP served by server.ts applies to everything the site does.
 * axe-core is evaluated through the DevTools protocol (page.evaluate), which CSP does not govern, so the
 * audit does not weaken the policy under test.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync',
];

/** Starts Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Everything that went wrong while a page was open. */
export interface Problems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  cspViolations: string[];
  dialogs: string[];
}

export interface Visit {
  page: Page;
  response: Response | null;
  problems: Problems;
  /** Collects CSP violations the page saw (call after interacting, before reading `problems`). */
  settle(): Promise<Problems>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/**
 * Opens `url` in a new page of `width` × 900 px and waits for the network to go idle. A `documentStatus`
 * other than 200 is expected of the page itself (the 404 page); any other non-2xx/3xx response is a failure.
 */
export async function visit(browser: Browser, url: string, opts: { width?: number; documentStatus?: number } = {}): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1280, height: 900 } });
  const problems: Problems = { consoleErrors: [], pageErrors: [], failedRequests: [], cspViolations: [], dialogs: [] };
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const expected = opts.documentStatus ?? 200;
  page.on('console', (m) => {
    // Chromium logs the expected status of the page itself (the 404 page) as a failed resource.
    const ownStatus = expected !== 200 && m.location().url === url && m.text().includes(`status of ${expected}`);
    if (m.type() === 'error' && !ownStatus) problems.consoleErrors.push(m.text());
    if (/Content.Security.Policy/i.test(m.text())) problems.cspViolations.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.pageErrors.push(e.message));
  page.on('requestfailed', (r) => problems.failedRequests.push(`${r.url()}: ${r.failure()?.errorText ?? 'failed'}`));
  page.on('dialog', (d) => {
    problems.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('response', (r) => {
    const isDocument = r.request().isNavigationRequest() && r.request().frame() === page.mainFrame();
    if (isDocument ? r.status() !== expected : r.status() >= 400) problems.failedRequests.push(`${r.url()}: HTTP ${r.status()}`);
  });
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  const settle = async () => {
    const seen = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    for (const v of seen) if (!problems.cspViolations.includes(v)) problems.cspViolations.push(v);
    return problems;
  };
  await settle();
  return { page, response, problems, settle };
}

/** Page width beyond the viewport, in px (0 when nothing scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core violations of WCAG 2.0 A/AA and 2.1 AA, one line per rule with the offending elements. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)).join(', ')}${v.nodes.length > 5 ? ` … ${v.nodes.length} in all` : ''}`);
  });
  return violations;
}

/** One stop of the keyboard focus. */
export interface FocusStop {
  /** tag#id.class and text, for messages. */
  label: string;
  /** Index of the element among the page's tabbable elements in document order, -1 if not among them. */
  domIndex: number;
  /** The focused element shows an outline or box shadow. */
  visibleFocus: boolean;
  /** The focused element has a size and is inside the page. */
  onScreen: boolean;
}

/**
 * Presses Tab from the top of the page up to `max` times and describes each focused element, in order.
 * The page's tabbable elements (document order, visible, not disabled, tabindex ≥ 0) are what the
 * focus order is checked against. Each stop is described by a focusin listener as it happens, so the
 * presses need no round trip each.
 */
export async function tabThrough(page: Page, max: number): Promise<{ stops: FocusStop[]; tabbable: number }> {
  const tabbable = await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
    const list = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled) return false;
      if (el.closest('[hidden], [inert]')) return false;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') return false;
      // Elements inside closed <details> (other than its summary) cannot take focus.
      const details = el.closest('details');
      if (details && !details.open && el.tagName !== 'SUMMARY') return false;
      return el.getClientRects().length > 0 || el.classList.contains('skip-link');
    });
    const stops: unknown[] = [];
    (window as unknown as { __focusStops: unknown[] }).__focusStops = stops;
    document.addEventListener('focusin', (e) => {
      const el = e.target as HTMLElement;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const rect = el.getBoundingClientRect();
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      stops.push({
        label: `${el.tagName.toLowerCase()}${id}${cls} “${(el.textContent ?? '').trim().slice(0, 30)}”`,
        domIndex: list.indexOf(el),
        visibleFocus: outline || style.boxShadow !== 'none',
        onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0,
      });
    });
    return list.length;
  });
  for (let i = 0; i < Math.min(max, tabbable); i++) await page.keyboard.press('Tab');
  const stops = await page.evaluate(() => (window as unknown as { __focusStops: FocusStop[] }).__focusStops);
  return { stops, tabbable };
}
