import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { editSeed, runBench, wrapperConfig } from '../run.ts';
import { checkTargets, formatReport } from '../report.ts';
import { pageWeight, typicalPages } from '../page-weight.ts';
import { summarizeProfile } from '../profile.ts';
import { run } from '../measure.ts';
import { MANIFEST, type ManifestEntry } from '../generate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'bench-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run bench with a tiny corpus (generate + ingest only)', () => {
  it('generates 20 documents, ingests them in a measured child process and reports the result', async () => {
    const work = join(tmp, 'work');
    const result = await runBench({
      docs: 20, seed: 1, errorShare: 0.1, work, repo: resolve(import.meta.dirname, '../../..'),
      stages: { build: false, baseline: false, sameBytes: false, rebuild: false, dev: false }, profile: false, maxRssBytes: 4 * 1024 ** 3, keep: true, echo: false, log: () => {},
    });
    expect(result.corpus.docs).toBe(20);
    expect(result.ingest.ok).toBe(true);
    expect(result.ingest.records).toBe(20);
    expect(result.ingest.docsPerSec).toBeGreaterThan(0);
    expect(result.ingest.peakRssBytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(result.ingest.parseMs).toBeGreaterThan(0);
    expect(result.build).toBeNull();
    // The ingested records are those the manifest promised.
    const manifest = readFileSync(join(work, 'seeds', MANIFEST), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ManifestEntry);
    for (const m of manifest.filter((x) => x.error === null)) {
      const record = JSON.parse(readFileSync(join(work, 'content/records', `${m.id}.json`), 'utf8'));
      expect(record.keyFigures).toEqual(m.expected);
    }
    const report = formatReport(result);
    expect(report).toContain('ingest (read + parse + write)');
    expect(checkTargets(result).find((t) => t.name === 'ingest throughput')!.met).toBe(result.ingest.docsPerSec >= 2000);
    expect(checkTargets(result).find((t) => t.name === 'full build vs bare Astro')!.met).toBeNull();
  }, 60_000);
});

describe('npm run bench: PDF documents', () => {
  it('renders generated documents as PDFs, reads and parses them in a measured process, and reports pages/s and peak RSS', async () => {
    const result = await runBench({
      docs: 3, seed: 1, errorShare: 0, work: join(tmp, 'work-pdf'), repo: resolve(import.meta.dirname, '../../..'),
      stages: { build: false, baseline: false, sameBytes: false, rebuild: false, dev: false, pdf: true }, profile: false, maxRssBytes: 4 * 1024 ** 3, keep: false, echo: false, log: () => {},
    });
    expect(result.pdf).toMatchObject({ ok: true, files: 3, records: 3 });
    expect(result.pdf!.pages).toBeGreaterThanOrEqual(3);
    expect(result.pdf!.readPagesPerSec).toBeGreaterThan(0);
    expect(result.pdf!.peakRssBytes).toBeGreaterThan(10 * 1024 ** 2);
    expect(formatReport(result)).toMatch(/PDF documents \(reader\)\s+[\d.]+ pages\/s warm \(3 PDFs/);
    expect(checkTargets(result).find((t) => t.name === 'PDF reader')!.met).toBe(result.pdf!.readPagesPerSec >= 60);
  }, 120_000);
});

describe('measured child processes', () => {
  it('reports CPU time and peak memory, and kills a tree that outgrows its memory limit', async () => {
    const hog = "const a=[];setInterval(()=>a.push(Buffer.alloc(40e6,1)),20)";
    const m = await run(process.execPath, ['-e', hog], { cwd: tmp, maxRssBytes: 300 * 1024 ** 2, timeoutMs: 30_000 });
    expect(m.killedForMemory).toBe(true);
    expect(m.code).not.toBe(0);
    expect(m.peakTreeRssBytes).toBeGreaterThan(300 * 1024 ** 2);
    const ok = await run(process.execPath, ['-e', 'let x=0;for(let i=0;i<3e7;i++)x+=i;console.log(x>0)'], { cwd: tmp });
    expect(ok).toMatchObject({ code: 0, killedForMemory: false, stdout: 'true\n' });
    expect(ok.peakTreeRssBytes).toBeGreaterThan(10 * 1024 ** 2);
  }, 60_000);
});

describe('bench helpers', () => {
  it('measures page weight with linked CSS, module scripts and their static imports', () => {
    const dist = join(tmp, 'dist');
    mkdirSync(join(dist, 'a/b/2026'), { recursive: true });
    mkdirSync(join(dist, '_astro'), { recursive: true });
    const html = '<html><head><link rel="stylesheet" href="/_astro/s.css"><script type="module" src="/_astro/page.js"></script></head><body>页面</body></html>';
    writeFileSync(join(dist, 'a/b/2026/index.html'), html);
    writeFileSync(join(dist, '_astro/s.css'), 'body{color:red}');
    writeFileSync(join(dist, '_astro/page.js'), 'import{x}from"./chunk.js";x()');
    writeFileSync(join(dist, '_astro/chunk.js'), 'export const x=()=>1;');
    writeFileSync(join(dist, '_astro/unused.js'), 'export const y=2;');
    const w = pageWeight(dist, 'a/b/2026/index.html');
    expect(w.css).toEqual(['_astro/s.css']);
    expect(w.js).toEqual(['_astro/chunk.js', '_astro/page.js']);
    expect(w.htmlGzip).toBe(gzipSync(Buffer.from(html), { level: 9 }).length);
    expect(w.jsGzip).toBeGreaterThan(w.cssGzip);
  });

  it('picks the median unit-year page, a chart page and a chart-less page', () => {
    const dist = join(tmp, 'dist2');
    const page = (path: string, body: string): void => {
      mkdirSync(join(dist, path, '..'), { recursive: true });
      writeFileSync(join(dist, path), `<html><body>${body}</body></html>`);
    };
    page('d/u/2024/index.html', '<canvas></canvas>短');
    page('d/u/2025/index.html', '<canvas></canvas>中等长度的页面');
    page('d/u/2026/index.html', '<canvas></canvas>最长的一个页面内容内容内容');
    page('d/u/index.html', '单位页');
    page('d/index.html', '区页');
    const { typical, chart, chartless } = typicalPages(dist, ['d/u/2024/index.html', 'd/u/2025/index.html', 'd/u/2026/index.html', 'd/u/index.html', 'd/index.html']);
    expect(typical!.page).toBe('d/u/2025/index.html');
    expect(chart!.page).toMatch(/^d\/u\/20\d\d\/index\.html$/);
    expect(chartless!.page).toBe('d/u/index.html');
  });

  it('edits a seed\'s contact and refuses a contact that is not there', () => {
    const seed = join(tmp, 'seed.txt');
    writeFileSync(seed, '部门预算公开联系人：江冲  联系方式：023-52255608\n');
    editSeed(seed, '江冲', '改动标记甲');
    expect(readFileSync(seed, 'utf8')).toContain('联系人：改动标记甲');
    expect(() => editSeed(seed, '江冲', 'x')).toThrow(/not found/);
  });

  it('wraps the site config, adding the seed watcher only when it exists', () => {
    expect(wrapperConfig(true)).toContain("import seedWatcher from './scripts/ingest/run/seed-watcher.ts'");
    expect(wrapperConfig(false)).toContain('const seedWatcher = null');
  });

  it('reports the same-bytes baseline and its ratio against the 1.5 × target', () => {
    const base = { ok: true, wallMs: 10_000, cpuMs: 9_000, peakRssBytes: 1, pages: 3, pagesPerSec: 0.3, dist: { bytes: 100, files: 3 } };
    const result = {
      command: '', date: '', docs: 3, seed: 1, notes: [], profiles: null, pageWeight: null, build: null,
      machine: { nproc: 2, cpu: 'x', memoryBytes: 1, node: 'v24', loadAverageAtStart: [1, 1, 1], loadAverageAtEnd: [1, 1, 1] },
      corpus: { docs: 3, bytes: 1, generateMs: 1 },
      ingest: { ok: true, wallMs: 1, cpuMs: 1, peakRssBytes: 1, records: 3, docsPerSec: 1, mbPerSec: 1, docsPerCpuSec: 1, docsPerSecEndToEnd: 1, startupMs: 1, parseMs: 1, writeMs: 1 },
      baseline: base, ratio: { wall: 4, cpu: 4.5 },
      baselineSameBytes: base, ratioSameBytes: { wall: 1.4, cpu: 1.6 },
      rebuild: { build: null, dev: null },
    } satisfies Parameters<typeof formatReport>[0];
    const report = formatReport(result);
    expect(report).toMatch(/full \/ baseline\s+4 × wall, 4.5 × CPU/);
    expect(report).toMatch(/full \/ same-bytes baseline\s+1.4 × wall, 1.6 × CPU/);
    expect(checkTargets(result).find((t) => t.name === 'full build vs same-bytes bare Astro')!.met).toBe(true);
    expect(checkTargets({ ...result, ratioSameBytes: { wall: 1.6, cpu: 1.6 } }).find((t) => t.name === 'full build vs same-bytes bare Astro')!.met).toBe(false);
    expect(checkTargets({ ...result, ratioSameBytes: null }).find((t) => t.name === 'full build vs same-bytes bare Astro')!.met).toBeNull();
  });

  it('summarises a CPU profile by self and inclusive time', () => {
    const frame = (functionName: string) => ({ functionName, url: 'file:///x/ingest/a.ts', lineNumber: 9 });
    const summary = summarizeProfile({
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2] },
        { id: 2, callFrame: frame('parse'), children: [3] },
        { id: 3, callFrame: frame('labelAmount') },
      ],
      samples: [2, 3, 3, 3],
      timeDeltas: [1000, 1000, 1000, 1000],
    }, 'p.cpuprofile');
    expect(summary.totalMs).toBe(4);
    expect(summary.self[0]).toEqual({ frame: 'labelAmount ingest/a.ts:10', ms: 3, percent: 75 });
    expect(summary.inclusive[0]).toEqual({ frame: 'parse ingest/a.ts:10', ms: 4, percent: 100 });
  });
});
