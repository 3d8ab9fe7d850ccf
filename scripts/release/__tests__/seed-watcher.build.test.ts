/**
 * `astro dev` on a copy of the project: editing a seed, or adding a sidecar beside it, updates the
 * preview without a restart (scripts/ingest/run/seed-watcher.ts re-parses the seed and rewrites its record;
 * src/lib/records.ts re-reads it). A seed added while the server runs gets its pages and index entries.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS, tempDir } from '../../ingest/__tests__/helpers.ts';
import { ingest } from '../../ingest/run/corpus.ts';
import { childEnv } from './helpers.ts';
import { copyProject, freePort } from './project.ts';

const project = tempDir('dev');
const PAGE = '/kaizhou/shuzihuachengshiyunxinghezhilizhongxin/2026/';
let server: ChildProcess | undefined;
let origin = '';

/** The page's HTML, or '' while the server cannot answer. */
async function page(path: string): Promise<string> {
  try {
    const res = await fetch(`${origin}${path}`);
    return res.ok ? await res.text() : '';
  } catch {
    return '';
  }
}

/** Milliseconds until `path` contains `text`, polling every 100 ms; throws after `limitMs`. */
async function timeUntil(path: string, text: string, limitMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if ((await page(path)).includes(text)) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${path} did not show “${text}” within ${limitMs} ms`);
}

/** Waits until `test` holds, polling every 100 ms; throws with `what` after `limitMs`. */
async function until(test: () => Promise<boolean>, what: string, limitMs: number): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not within ${limitMs} ms: ${what}`);
}

beforeAll(async () => {
  copyProject(project.path);
  await ingest(join(project.path, 'seeds'), join(project.path, 'content'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(project.path, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: project.path, env: childEnv(), stdio: 'ignore',
  });
  await timeUntil(PAGE, '熊馨', 180_000); // first request compiles the page
}, 240_000);

afterAll(() => {
  server?.kill();
  project.cleanup();
});

describe('astro dev with the seed watcher', () => {
  test('an edited seed shows on its page within seconds, without a restart', async () => {
    const file = join(project.path, 'seeds', SEEDS['002']);
    writeFileSync(file, readFileSync(file, 'utf8').replace('熊馨', '熊馨乙'));
    const ms = await timeUntil(PAGE, '熊馨乙', 10_000);
    // Speed is measured by `npm run bench` (dev rebuild); here only that the edit arrives without a restart.
    console.log(`seed edit → page updated in ${Math.round(ms)} ms`);
    expect(await page(PAGE)).toContain('熊馨乙');
    // The downloads are endpoints in the dev server (a build writes them after the pages) and follow the edit.
    expect(await page(`${PAGE}record.json`)).toContain('熊馨乙');
    expect(await page(`${PAGE}three-public.csv`)).toMatch(/^\uFEFF?项目,预算数（万元）/);
  });

  test('a seed added while the server runs gets its page and appears on its district page', async () => {
    const text = readFileSync(join(project.path, 'seeds', SEEDS['002']), 'utf8').replaceAll('数字化城市运行和治理中心', '数字化城市测试中心');
    writeFileSync(join(project.path, 'seeds', 'added-while-running.txt'), text);
    await timeUntil('/kaizhou/shuzihuachengshiceshizhongxin/2026/', '数字化城市测试中心', 15_000);
    await timeUntil('/kaizhou/', '数字化城市测试中心', 5_000);
  });

  test('a seed made a draft by its sidecar is marked 草稿 on its page and in its district\'s list (the preview shows drafts)', async () => {
    const marks = (html: string): number => html.match(/class="release-mark" data-state="draft"/g)?.length ?? 0;
    const before = marks(await page('/kaizhou/'));
    writeFileSync(join(project.path, 'seeds', `${SEEDS['002']}.meta.yml`), 'status: draft\n');
    await timeUntil(PAGE, 'class="banner-preview" aria-label="发布状态" data-state="draft"', 10_000);
    await until(async () => marks(await page('/kaizhou/')) === before + 1, '/kaizhou/ marks the draft', 5_000);
    expect(await page(PAGE)).toContain('熊馨乙'); // the earlier edit is kept
  });

  test('a sidecar added beside a seed shows its acknowledgement on the page', async () => {
    writeFileSync(join(project.path, 'seeds', `${SEEDS['004']}.meta.yml`),
      'acknowledgements:\n  - code: change.impossible-year\n    explanation: 原文笔误，应为较2025年。\n');
    await timeUntil('/jiulongpo/dianzizhengwuzhongxin/2026/', '原文笔误，应为较2025年。', 10_000);
  });

  test('after the edits the pages equal what a server started afresh on the same seeds shows', async () => {
    const paths = [PAGE, '/kaizhou/', '/kaizhou/shuzihuachengshiceshizhongxin/2026/', '/jiulongpo/dianzizhengwuzhongxin/2026/', '/', '/glossary/'];
    // Vite's client script and module URLs differ between servers; the page itself must not.
    const body = (html: string): string => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/\?(t|v)=[\w.-]+/g, '');
    const edited = await Promise.all(paths.map(async (p) => body(await page(p))));
    server?.kill();
    await new Promise((r) => setTimeout(r, 1000));
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [join(project.path, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: project.path, env: childEnv(), stdio: 'ignore',
    });
    await timeUntil(PAGE, '熊馨乙', 180_000);
    for (const [i, p] of paths.entries()) {
      expect(edited[i]!.length, p).toBeGreaterThan(1000);
      expect(body(await page(p)), p).toBe(edited[i]);
    }
  }, 240_000);
});
