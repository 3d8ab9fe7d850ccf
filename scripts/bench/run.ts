/**
 * `npm run bench` stages, in one work folder (never the repository's own content/, dist/ or caches):
 *
 *   seeds/    the generated corpus             content/  the ingest's output
 *   dist/     the real site built from it      baseline/ the bare-Astro baseline's root (its dist/ inside)
 *   src/ scripts/ public/ astro.site.mjs  a snapshot of the site (astro.config.mjs wraps astro.site.mjs)
 *   node_modules/  links to the repository's packages
 *
 * Stages: generate → ingest → astro build → search index (= `npm run build`) → baseline → page weight →
 * rebuild after one changed seed (build, then dev server). Every child is measured by measure.ts.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { createServer } from 'node:net';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, start, killGroup, treeCpuMs, type Measurement } from './measure.ts';
import { folderSize, listFiles, typicalPages, type PageWeight } from './page-weight.ts';
import { MANIFEST, writeCorpus, type ManifestEntry } from './generate.ts';
import { summarizeProfiles, type ProfileSummary } from './profile.ts';
import type { ProbeResult } from './ingest-probe.ts';
import type { PdfProbeResult } from './pdf-probe.ts';
import { textPages, wrapLines, writePdf } from './pdf-writer.ts';
import { SHARD_MANIFEST, SHARD_META_DIR, type ShardManifest } from '../../src/domain/shard.ts';

/** The address the bench builds for (GONGKAI_SITE overrides it). */
const TEST_SITE = 'https://example.gov.cn/';

export interface BenchOptions {
  docs: number;
  seed: number;
  errorShare: number;
  /** Work folder (created; removed at the end unless `keep`). */
  work: string;
  /** Repository root. */
  repo: string;
  /** `pdf`: render the first PDF_DOCS generated documents as PDFs and measure the PDF reader (default off). */
  stages: { build: boolean; baseline: boolean; sameBytes: boolean; rebuild: boolean; dev: boolean; pdf?: boolean };
  /** CPU-profile the ingest and the astro build (node --cpu-prof) and summarise the hot spots. */
  profile: boolean;
  keep: boolean;
  /** Any stage whose process tree grows beyond this is killed and reported as failed. */
  maxRssBytes: number;
  /** Progress lines. */
  log: (line: string) => void;
  /** Called with the result so far after each stage (a long run killed midway keeps what it measured). */
  checkpoint?: (partial: BenchResult) => void;
  /** Echo children's output. */
  echo: boolean;
  /**
   * Build only this shard of the corpus (`npm run build -- --shard I/N`: its districts' pages, downloads and
   * search part), to measure one job of a sharded build; the baselines, rebuild and dev stages are skipped.
   */
  shard?: { index: number; count: number };
}

/** One measured child process. */
export interface StageResult {
  ok: boolean;
  wallMs: number;
  cpuMs: number | null;
  peakRssBytes: number;
  /** Last lines of output when the stage failed. */
  error?: string;
}

export interface BenchResult {
  command: string;
  date: string;
  machine: { nproc: number; cpu: string; memoryBytes: number; node: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  docs: number;
  seed: number;
  corpus: { docs: number; bytes: number; generateMs: number };
  /** The ingest, timed by phase in-process (ingest-probe.ts); docs/s and MB/s are those of the parse phase. */
  ingest: StageResult & {
    records: number; docsPerSec: number; mbPerSec: number; docsPerCpuSec: number | null;
    /** Documents per second of the whole command, start-up and writing included. */
    docsPerSecEndToEnd: number;
    startupMs: number; parseMs: number; writeMs: number;
  };
  /**
   * PDF documents (issue 14): the first PDF_DOCS generated documents rendered as PDFs (A4, CJK font by
   * CMap), read by the PDF reader and parsed in one process (pdf-probe.ts); its peak RSS is the process's.
   */
  pdf?: null | (StageResult & {
    files: number; pages: number; bytes: number; records: number;
    /** Pages per second of the PDF reader alone (warm), and of reader + parse. */
    readPagesPerSec: number; parsePagesPerSec: number;
    /** Module loading and a first read. */
    firstMs: number;
    slowest: { ms: number; pages: number };
  });
  build: null | {
    /** `node scripts/cli/ingest.ts`, as `npm run build` runs it. */
    ingest: StageResult;
    astro: StageResult & { phases: string[] };
    search: StageResult | null;
    /** ingest + astro + search, as `npm run build` runs them. */
    wallMs: number;
    cpuMs: number | null;
    peakRssBytes: number;
    pages: number;
    unitYearPages: number;
    pagesPerSec: number;
    dist: { bytes: number; files: number };
  };
  baseline: null | BaselineResult;
  /** Full build / baseline. */
  ratio: null | Ratio;
  /**
   * Bare Astro writing one page per real unit-year page, each the real page's built HTML as a static string
   * (scripts/bench/baseline-bytes/): the same bytes without the site's work.
   */
  baselineSameBytes?: null | BaselineResult;
  /** Full build / same-bytes baseline. */
  ratioSameBytes?: null | Ratio;
  pageWeight: null | { typical: PageWeight | null; chart: PageWeight | null; chartless: PageWeight | null };
  rebuild: {
    build: null | (StageResult & {
      ingestMs: number; astroMs: number; searchMs: number | null;
      /** CPU time (user + system) of each step. */
      ingestCpuMs?: number | null; astroCpuMs?: number | null; searchCpuMs?: number | null;
    });
    dev: null | {
      mode: 'seed-watcher' | 'content-json'; startupMs: number | null; changeVisibleMs: number | null; peakRssBytes: number;
      /** CPU (user + system) of the server's processes from the edit until the change showed; start-up's until the page first came up. */
      editCpuMs?: number; startupCpuMs?: number;
      /** From server start until the seed watcher's start-up ingest ended (null: it did not log its end). */
      readyMs?: number | null; error?: string;
    };
  };
  profiles: null | { ingest: ProfileSummary[]; astro: ProfileSummary[]; dev?: ProfileSummary[] };
  /** The shard built (`--shard I/N`): its share of the corpus. */
  shard?: { index: number; count: number; districts: number; allDistricts: number };
  notes: string[];
}

/** A bare-Astro baseline build. */
export type BaselineResult = StageResult & { pages: number; pagesPerSec: number; dist: { bytes: number; files: number } };
/** A build against a baseline, wall and CPU. */
export interface Ratio { wall: number; cpu: number | null }

/** Generated documents rendered as PDFs for the PDF stage. */
export const PDF_DOCS = 20;

/** The PDF stage: the first PDF_DOCS seeds as PDFs in `<work>/pdf/`, measured by pdf-probe.ts in a child process. */
async function measurePdf(work: string, seeds: string, node: string, env: NodeJS.ProcessEnv, maxRssBytes: number): Promise<NonNullable<BenchResult['pdf']>> {
  const dir = join(work, 'pdf');
  mkdirSync(dir, { recursive: true });
  const texts = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().slice(0, PDF_DOCS);
  for (const f of texts) {
    const lines = readFileSync(join(seeds, f), 'utf8').split(/\r?\n/);
    writeFileSync(join(dir, f.replace(/\.txt$/, '.pdf')), writePdf(textPages(wrapLines(lines))));
  }
  const m = await run(node, [join(work, 'scripts/bench/pdf-probe.ts'), dir], { cwd: work, env, maxRssBytes });
  let p: PdfProbeResult | null = null;
  try { p = JSON.parse(m.stdout.trim().split('\n').pop() ?? '') as PdfProbeResult; } catch { /* failed: stage error */ }
  return {
    ...stage(m), ok: m.code === 0 && p !== null,
    files: p?.files ?? 0, pages: p?.pages ?? 0, bytes: p?.bytes ?? 0, records: p?.records ?? 0,
    readPagesPerSec: p ? per(p.pages, p.readMs) : 0, parsePagesPerSec: p ? per(p.pages, p.parseMs) : 0,
    firstMs: p?.firstMs ?? 0, slowest: p?.slowest ?? { ms: 0, pages: 0 },
  };
}

const stage = (m: Measurement): StageResult => ({
  ok: m.code === 0,
  wallMs: m.wallMs,
  cpuMs: m.cpuMs,
  peakRssBytes: m.peakTreeRssBytes,
  ...(m.killedForMemory ? { error: `killed: resident memory above the --max-rss limit (${Math.round(m.peakTreeRssBytes / 1024 ** 2)} MB)` }
    : m.code === 0 ? {} : { error: `exit ${m.code}: ${(m.stdout + m.stderr).trim().split('\n').slice(-15).join('\n')}` }),
});

const per = (n: number, ms: number): number => (ms > 0 ? Math.round((n / ms) * 1000 * 10) / 10 : 0);

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The work folder's astro.config.mjs: the site's own config (copied as astro.site.mjs), plus the seed
 * watcher when the site does not register it and the watcher exists.
 */
export function wrapperConfig(hasWatcher: boolean): string {
  return [
    "// Written by `npm run bench`: the site's own config (astro.site.mjs, copied from the repository).",
    "import base from './astro.site.mjs';",
    hasWatcher ? "import seedWatcher from './scripts/ingest/run/seed-watcher.ts';" : 'const seedWatcher = null;',
    'const integrations = [...(base.integrations ?? [])];',
    "if (seedWatcher && !integrations.flat().some((i) => i && i.name === 'gongkai:seed-watcher')) integrations.push(seedWatcher());",
    'export default { ...base, integrations };',
  ].join('\n') + '\n';
}

/**
 * A snapshot of the site in the work folder: src/, scripts/, public/ and the config files copied (Astro
 * needs its sources inside the root, and a snapshot is not disturbed by edits while the bench runs), the
 * baseline site beside it, and node_modules linked.
 */
function prepareWorkDir(repo: string, work: string): void {
  for (const name of ['src', 'scripts', 'public', 'astro.config.mjs', 'gongkai.config.ts', 'tsconfig.json', 'package.json']) {
    if (existsSync(join(repo, name))) cpSync(join(repo, name), join(work, name === 'astro.config.mjs' ? 'astro.site.mjs' : name), { recursive: true });
  }
  writeFileSync(join(work, 'astro.config.mjs'), wrapperConfig(existsSync(join(work, 'scripts/ingest/run/seed-watcher.ts'))));
  cpSync(join(repo, 'scripts/bench/baseline'), join(work, 'baseline'), { recursive: true });
  cpSync(join(repo, 'scripts/bench/baseline-bytes'), join(work, 'baseline-bytes'), { recursive: true });
  linkNodeModules(repo, work);
}

/**
 * work/node_modules: a folder of links to the repository's packages (virtual modules resolve packages from
 * the root), so that Vite's and Astro's caches under node_modules/ land in the work folder, not in the
 * repository's node_modules where other builds may be running.
 */
function linkNodeModules(repo: string, work: string): void {
  const dir = join(work, 'node_modules');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(join(repo, 'node_modules'))) {
    if (name === '.vite' || name === '.astro' || name === '.cache') continue;
    symlinkSync(join(repo, 'node_modules', name), join(dir, name));
  }
}

/** Astro's own timing lines (content sync, Vite bundles, page generation) from a build log. */
export function astroPhases(log: string): string[] {
  // eslint-disable-next-line no-control-regex
  const plain = log.replace(/\u001b\[[0-9;]*m/g, '');
  return plain.split('\n').map((l) => l.trim())
    .filter((l) => /Completed in|built in|Synced content|Generated \d|generating static routes|page\(s\) built|Collecting build info/i.test(l))
    .slice(0, 30);
}

/** The manifest entries of the generated corpus. */
function readManifest(seeds: string): ManifestEntry[] {
  return readFileSync(join(seeds, MANIFEST), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ManifestEntry);
}

/** Replaces the contact name in a seed (visible on the unit-year page) with `marker`. */
export function editSeed(path: string, from: string, marker: string): void {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(`联系人：${from}`)) throw new Error(`${path}: contact ${from} not found`);
  writeFileSync(path, text.replaceAll(`联系人：${from}`, `联系人：${marker}`));
}

/** The same edit made in the ingested record (when no seed watcher re-ingests in dev). */
function editRecord(path: string, marker: string): void {
  const record = JSON.parse(readFileSync(path, 'utf8')) as { contact: { name: string }; keyFigures: { contact: { name: string } } };
  record.contact.name = marker;
  record.keyFigures.contact.name = marker;
  writeFileSync(path, `${JSON.stringify(record, null, 1)}\n`);
}

/**
 * GET a page until `test` accepts its HTML; ms taken, or null on timeout. A request can hang while Vite
 * re-optimises dependencies at startup, so each attempt has its own deadline (doubling after a timeout).
 */
async function pollPage(url: string, test: (html: string) => boolean, timeoutMs: number): Promise<number | null> {
  const started = performance.now();
  let attemptMs = 15_000;
  while (performance.now() - started < timeoutMs) {
    const left = timeoutMs - (performance.now() - started);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(Math.max(100, Math.min(attemptMs, left))) });
      if (res.ok && test(await res.text())) return Math.round(performance.now() - started);
    } catch (e) {
      if ((e as Error).name === 'TimeoutError') attemptMs *= 2;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

/** A unit-year page of the built site, relative to dist/. */
const UNIT_YEAR_PAGE = /^[^/]+\/[^/]+\/\d{4}\/index\.html$/;

/** Runs the benchmark. */
export async function runBench(o: BenchOptions): Promise<BenchResult> {
  const { repo, work, log } = o;
  const node = process.execPath;
  const astro = join(repo, 'node_modules/astro/bin/astro.mjs');
  const seeds = join(work, 'seeds');
  const content = join(work, 'content');
  const dist = join(work, 'dist');
  // The bench builds for an explicit test address: a production build needs one (gongkai.config.ts).
  const env = {
    ...process.env, GONGKAI_CONTENT_DIR: content, GONGKAI_SITE: process.env.GONGKAI_SITE || TEST_SITE, ASTRO_TELEMETRY_DISABLED: '1',
    // The search index is timed as its own stage below, not inside astro build (src/integrations/search-index.ts).
    GONGKAI_SKIP_SEARCH_INDEX: '1',
    ...(o.shard ? { GONGKAI_SHARD: `${o.shard.index}/${o.shard.count}` } : {}),
  };
  const notes: string[] = [];
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  prepareWorkDir(repo, work);

  const result: BenchResult = {
    command: `npm run bench -- --docs ${o.docs} --seed ${o.seed}`,
    date: new Date().toISOString(),
    machine: { nproc: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryBytes: totalmem(), node: process.version, loadAverageAtStart: loadavg(), loadAverageAtEnd: [] },
    docs: o.docs,
    seed: o.seed,
    corpus: { docs: 0, bytes: 0, generateMs: 0 },
    ingest: { ok: false, wallMs: 0, cpuMs: null, peakRssBytes: 0, records: 0, docsPerSec: 0, mbPerSec: 0, docsPerCpuSec: null, docsPerSecEndToEnd: 0, startupMs: 0, parseMs: 0, writeMs: 0 },
    build: null, baseline: null, ratio: null, baselineSameBytes: null, ratioSameBytes: null, pageWeight: null, rebuild: { build: null, dev: null }, profiles: null, notes,
  };

  log(`generate: ${o.docs} documents (seed ${o.seed})`);
  const g0 = performance.now();
  const written = writeCorpus({ docs: o.docs, seed: o.seed, errorShare: o.errorShare }, seeds);
  result.corpus = { ...written, generateMs: Math.round(performance.now() - g0) };

  const profileDir = (name: string): string[] => (o.profile ? ['--cpu-prof', '--cpu-prof-dir', join(work, 'profiles', name)] : []);
  log('ingest');
  const probeRun = await run(node, [...profileDir('ingest'), join(work, 'scripts/bench/ingest-probe.ts'), seeds, content], { cwd: work, env, maxRssBytes: o.maxRssBytes });
  let probe: ProbeResult | null = null;
  try { probe = JSON.parse(probeRun.stdout.trim().split('\n').pop() ?? '') as ProbeResult; } catch { /* failed: stage error below */ }
  const records = existsSync(join(content, 'records')) ? listFiles(join(content, 'records')).filter((f) => f.endsWith('.json')).length : 0;
  result.ingest = {
    ...stage(probeRun), ok: probeRun.code === 0 && probe !== null && records > 0, records,
    docsPerSec: probe ? per(probe.files, probe.parseMs) : 0,
    mbPerSec: probe ? per(probe.bytes / 1e6, probe.parseMs) : 0,
    docsPerCpuSec: probe ? per(probe.files, probe.parseCpuMs) : null,
    docsPerSecEndToEnd: per(written.docs, probeRun.wallMs),
    startupMs: probe?.startupMs ?? 0, parseMs: probe?.parseMs ?? 0, writeMs: probe?.writeMs ?? 0,
  };
  if (records !== written.docs) notes.push(`ingest wrote ${records} records for ${written.docs} documents`);
  if (o.stages.pdf) {
    log(`pdf: ${Math.min(PDF_DOCS, written.docs)} documents rendered as PDF, read and parsed`);
    result.pdf = await measurePdf(work, seeds, node, env, o.maxRssBytes);
    o.checkpoint?.(result);
  }
  if (!result.ingest.ok) return finish(result, o);
  if (!o.stages.build) {
    // The dev stage alone (`--skip build,…`): the dev server on the ingested content/, the seed as generated.
    if (o.stages.dev && !o.shard) {
      const t = devTarget(seeds, content);
      result.rebuild.dev = await measureDev(o, { node, astro, env, work, ...t, contactNow: t.target.expected.contact.name!, notes });
    }
    return finish(result, o);
  }

  // `npm run build` = ingest CLI + astro build + search index.
  o.checkpoint?.(result);
  log('build: ingest');
  const ingestArgs = [join(work, 'scripts/cli/ingest.ts'), seeds, content, '--quiet'];
  const ing = await run(node, ingestArgs, { cwd: work, env, maxRssBytes: o.maxRssBytes });
  log('astro build');
  const astroRun = await run(node, [...profileDir('astro'), astro, 'build', '--root', work], { cwd: work, env, echo: o.echo, maxRssBytes: o.maxRssBytes });
  const astroStage = { ...stage(astroRun), phases: astroPhases(astroRun.stdout + astroRun.stderr) };
  const searchCli = join(work, 'scripts/cli/search-index.ts');
  let search: StageResult | null = null;
  if (astroStage.ok && existsSync(searchCli)) {
    log('search index');
    search = stage(await run(node, [searchCli, dist], { cwd: work, env, echo: o.echo, maxRssBytes: o.maxRssBytes }));
  } else if (!existsSync(searchCli)) notes.push('scripts/cli/search-index.ts missing: the build was measured without the search index');
  const html = existsSync(dist) ? listFiles(dist).filter((f) => f.endsWith('.html')) : [];
  const unitYearPages = html.filter((f) => UNIT_YEAR_PAGE.test(f)).length;
  const wallMs = ing.wallMs + astroRun.wallMs + (search?.wallMs ?? 0);
  const cpuParts = [ing.cpuMs, astroRun.cpuMs, search ? search.cpuMs : 0];
  // The ingest CLI exits 1 when some file could not be ingested; that is a result, not a failed stage.
  result.build = {
    ingest: { ...stage(ing), ok: ing.code === 0 || ing.code === 1 }, astro: astroStage, search, wallMs,
    cpuMs: cpuParts.every((c) => c !== null) ? cpuParts.reduce((a, b) => a! + b!, 0) : null,
    peakRssBytes: Math.max(ing.peakTreeRssBytes, astroRun.peakTreeRssBytes, search?.peakRssBytes ?? 0),
    pages: html.length, unitYearPages, pagesPerSec: per(html.length, wallMs),
    dist: existsSync(dist) ? folderSize(dist) : { bytes: 0, files: 0 },
  };
  if (!astroStage.ok) return finish(result, o);
  if (o.shard) {
    const manifest = JSON.parse(readFileSync(join(dist, SHARD_META_DIR, SHARD_MANIFEST), 'utf8')) as ShardManifest;
    const all = new Set(readManifest(seeds).map((m) => m.id.split('/')[0]));
    result.shard = { index: o.shard.index, count: o.shard.count, districts: manifest.districts.length, allDistricts: all.size };
    return finish(result, o);
  }

  o.checkpoint?.(result);
  /** Builds a baseline site in `root` (with `extraEnv`), measured, its dist/ removed afterwards. */
  const baseline = async (root: string, extraEnv: Record<string, string>): Promise<{ result: BaselineResult; ratio: Ratio | null }> => {
    const b = await run(node, [astro, 'build', '--root', root], { cwd: root, env: { ...env, ...extraEnv }, echo: o.echo, maxRssBytes: o.maxRssBytes });
    const bDist = join(root, 'dist');
    const bPages = existsSync(bDist) ? listFiles(bDist).filter((f) => f.endsWith('.html')).length : 0;
    const out = { ...stage(b), pages: bPages, pagesPerSec: per(bPages, b.wallMs), dist: existsSync(bDist) ? folderSize(bDist) : { bytes: 0, files: 0 } };
    rmSync(bDist, { recursive: true, force: true });
    const build = result.build!;
    return {
      result: out,
      ratio: out.ok ? {
        wall: Math.round((build.wallMs / b.wallMs) * 100) / 100,
        cpu: build.cpuMs !== null && b.cpuMs ? Math.round((build.cpuMs / b.cpuMs) * 100) / 100 : null,
      } : null,
    };
  };
  if (o.stages.baseline) {
    log('baseline (bare Astro)');
    const recordsJson = join(work, 'records.json');
    const baselineRecords = listFiles(join(content, 'records')).filter((f) => f.endsWith('.json')).map((f) => {
      const r = JSON.parse(readFileSync(join(content, 'records', f), 'utf8')) as { id: string; keyFigures: unknown };
      return { id: r.id, keyFigures: r.keyFigures };
    });
    writeFileSync(recordsJson, JSON.stringify(baselineRecords));
    const b = await baseline(join(work, 'baseline'), { BENCH_RECORDS: recordsJson });
    result.baseline = b.result;
    result.ratio = b.ratio;
  }
  if (o.stages.sameBytes) {
    o.checkpoint?.(result);
    log('baseline (bare Astro, the real unit-year pages\' bytes)');
    const pagesJson = join(work, 'pages.json');
    const unitYear = html.filter((f) => UNIT_YEAR_PAGE.test(f)).map((f) => ({ id: f.slice(0, -'/index.html'.length), file: join(dist, f) }));
    writeFileSync(pagesJson, JSON.stringify(unitYear));
    const b = await baseline(join(work, 'baseline-bytes'), { BENCH_PAGES: pagesJson });
    const realBytes = unitYear.reduce((sum, p) => sum + statSync(p.file).size, 0);
    if (b.result.ok && b.result.dist.bytes !== realBytes) notes.push(`same-bytes baseline wrote ${b.result.dist.bytes} bytes for ${realBytes} bytes of unit-year pages`);
    result.baselineSameBytes = b.result;
    result.ratioSameBytes = b.ratio;
  }

  o.checkpoint?.(result);
  log('page weight');
  result.pageWeight = typicalPages(dist, html);

  const { target, seedFile, recordFile } = devTarget(seeds, content);
  const [district, unit, year] = target.id.split('/');

  o.checkpoint?.(result);
  if (o.stages.rebuild) {
    log(`rebuild after editing ${target.file}`);
    editSeed(seedFile, target.expected.contact.name!, '改动标记甲');
    const i2 = await run(node, ingestArgs, { cwd: work, env, maxRssBytes: o.maxRssBytes });
    const a2 = await run(node, [astro, 'build', '--root', work], { cwd: work, env, echo: o.echo, maxRssBytes: o.maxRssBytes });
    const s2 = a2.code === 0 && existsSync(searchCli) ? await run(node, [searchCli, dist], { cwd: work, env, maxRssBytes: o.maxRssBytes }) : null;
    const parts = [i2, a2, ...(s2 ? [s2] : [])];
    const page = join(dist, district!, unit!, year!, 'index.html');
    const visible = existsSync(page) && readFileSync(page, 'utf8').includes('改动标记甲');
    if (!visible) notes.push('rebuild (build): the edited contact did not show on the rebuilt page');
    // Which way the indexer went (pages reused, postings spliced or rebuilt from entries): its own summary line.
    const searchSaid = s2?.stdout.split('\n').find((l) => l.startsWith('search-index: '));
    if (searchSaid) notes.push(`rebuild (search): ${searchSaid.slice('search-index: '.length)}`);
    result.rebuild.build = {
      ok: parts.every((p) => p.code === 0 || p === i2) && visible,
      wallMs: parts.reduce((s, p) => s + p.wallMs, 0),
      cpuMs: parts.every((p) => p.cpuMs !== null) ? parts.reduce((s, p) => s + p.cpuMs!, 0) : null,
      peakRssBytes: Math.max(...parts.map((p) => p.peakTreeRssBytes)),
      ingestMs: i2.wallMs, astroMs: a2.wallMs, searchMs: s2?.wallMs ?? null,
      ingestCpuMs: i2.cpuMs, astroCpuMs: a2.cpuMs, searchCpuMs: s2?.cpuMs ?? null,
      ...(a2.code === 0 ? {} : { error: stage(a2).error }),
    };
  }

  o.checkpoint?.(result);
  const contactNow = o.stages.rebuild ? '改动标记甲' : target.expected.contact.name!;
  if (o.stages.dev) result.rebuild.dev = await measureDev(o, { node, astro, env, work, seedFile, recordFile, target, contactNow, notes });
  return finish(result, o);
}

/** The seed watcher's log line when its start-up ingest has ended (scripts/ingest/run/seed-watcher.ts). */
const WATCHER_READY = /seeds\/: (content\/ is up to date|\d+ records ingested)|ingest failed/;

/** Polls `test` every 100 ms; ms taken, or null after `timeoutMs`. */
async function waitFor(test: () => boolean, timeoutMs: number): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (test()) return Math.round(performance.now() - started);
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

/** The seed the rebuild and dev stages edit (one with a contact name), its file and its record's file. */
function devTarget(seeds: string, content: string): { target: ManifestEntry; seedFile: string; recordFile: string } {
  const manifest = readManifest(seeds);
  const target = manifest.find((m) => m.error === null && m.expected.contact.name) ?? manifest[0]!;
  const [district, unit, year] = target.id.split('/');
  return { target, seedFile: join(seeds, target.file), recordFile: join(content, 'records', district!, unit!, `${year}.json`) };
}

/** Starts `astro dev` on the work folder, edits one seed (or its record) and times until the page shows it. */
async function measureDev(o: BenchOptions, c: {
  node: string; astro: string; env: NodeJS.ProcessEnv; work: string; seedFile: string; recordFile: string; target: ManifestEntry;
  /** The contact name the seed holds now. */
  contactNow: string; notes: string[];
}): Promise<NonNullable<BenchResult['rebuild']['dev']>> {
  const port = await freePort();
  const configText = readFileSync(join(c.work, 'astro.site.mjs'), 'utf8');
  const watcher = existsSync(join(c.work, 'scripts/ingest/run/seed-watcher.ts'));
  const mode = watcher ? 'seed-watcher' as const : 'content-json' as const;
  if (watcher && !/seed-watcher/.test(configText)) c.notes.push('dev: astro.config.mjs does not register the seed watcher; the bench config adds it');
  if (!watcher) c.notes.push('dev: no seed watcher (scripts/ingest/run/seed-watcher.ts); measured a content JSON edit picked up by the content layer');
  o.log(`dev server on 127.0.0.1:${port} (${mode})`);
  const profile = o.profile ? ['--cpu-prof', '--cpu-prof-dir', join(c.work, 'profiles', 'dev')] : [];
  const dev = start(c.node, [...profile, c.astro, 'dev', '--root', c.work, '--port', String(port), '--host', '127.0.0.1'], { cwd: c.work, env: c.env, echo: o.echo, maxRssBytes: o.maxRssBytes });
  const url = `http://127.0.0.1:${port}/${c.target.id}/`;
  const timeout = Math.max(120_000, o.docs * 60);
  type Outcome = Omit<NonNullable<BenchResult['rebuild']['dev']>, 'peakRssBytes'>;
  const round = async (): Promise<Outcome> => {
    const startupMs = await pollPage(url, (h) => h.includes(c.target.expected.unit), timeout);
    if (startupMs === null) return { mode, startupMs: null, changeVisibleMs: null, error: `page did not come up in ${timeout} ms: ${dev.output().trim().split('\n').slice(-10).join('\n')}` };
    const startupCpuMs = treeCpuMs(dev.pid);
    // The seed watcher ingests seeds/ once in the background at start; an edit made before that ends waits
    // for it. Edit once it has logged its result, as a person editing a seed after start-up would.
    const waited = watcher ? await waitFor(() => WATCHER_READY.test(dev.output()), timeout) : 0;
    const readyMs = waited === null ? null : startupMs + waited;
    const marker = '改动标记乙';
    const cpu0 = treeCpuMs(dev.pid);
    if (watcher) editSeed(c.seedFile, c.contactNow, marker);
    else editRecord(c.recordFile, marker);
    const changeVisibleMs = await pollPage(url, (h) => h.includes(marker), timeout);
    const editCpuMs = treeCpuMs(dev.pid) - cpu0;
    return { mode, startupMs, readyMs, changeVisibleMs, startupCpuMs, editCpuMs, ...(changeVisibleMs === null ? { error: `edit not visible after ${timeout} ms` } : {}) };
  };
  const outcome = await round().catch((e: Error): Outcome => ({ mode, startupMs: null, changeVisibleMs: null, error: e.message }));
  killGroup(dev.pid);
  const stopped = await Promise.race([dev.finished, new Promise<null>((r) => setTimeout(() => r(null), 10_000))]);
  if (!stopped) killGroup(dev.pid, 'SIGKILL');
  const measured = stopped ?? await dev.finished;
  return { ...outcome, peakRssBytes: measured.peakTreeRssBytes };
}

function finish(result: BenchResult, o: BenchOptions): BenchResult {
  if (o.profile) result.profiles = { ingest: summarizeProfiles(join(o.work, 'profiles/ingest')), astro: summarizeProfiles(join(o.work, 'profiles/astro')), dev: summarizeProfiles(join(o.work, 'profiles/dev')) };
  result.machine.loadAverageAtEnd = loadavg();
  if (!o.keep) rmSync(o.work, { recursive: true, force: true });
  return result;
}
