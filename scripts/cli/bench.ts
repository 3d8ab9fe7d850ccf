/**
 * `npm run bench [-- --docs N] [--seed S] [--error-share X] [--work DIR] [--json FILE] [--keep]
 *   [--skip build,baseline,same-bytes,rebuild,dev,pdf] [--profile] [--max-rss-gb 12] [--echo] [--shard I/N]`
 *
 * Generates N synthetic disclosures (default 200; 10000 and 20000 for the province-scale runs), then
 * measures ingest, the full build (ingest + astro build + search index), a bare-Astro baseline rendering
 * the same records (one small table each), a same-bytes baseline (bare Astro writing the real unit-year pages'
 * HTML as static strings), page weight, and the rebuild after one changed seed (build and dev server). Prints a
 * table and writes JSON (default: <work>-bench.json beside the work folder, which is removed unless --keep).
 * The pdf stage renders the first 20 generated documents as PDFs and reports the PDF reader's pages/s
 * (warm, and with the parse) and the peak RSS of that process.
 * --profile CPU-profiles the ingest and the astro build and prints their hot spots.
 * --shard I/N builds only that shard of the corpus (`npm run build -- --shard I/N`), to measure one job of a
 * sharded build (no baselines, rebuild or dev).
 * --max-rss-gb N (default 12) kills a stage whose processes hold more memory (a shared machine must not run
 * out of memory); the stage is reported as failed with its peak.
 * Exit 1 when a stage failed; missed targets are reported, not failures.
 */
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runBench, type BenchResult } from '../bench/run.ts';
import { formatReport } from '../bench/report.ts';
import { parseShard } from '../../src/domain/shard.ts';

const STAGES = ['build', 'baseline', 'same-bytes', 'rebuild', 'dev', 'pdf'] as const;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    docs: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    'error-share': { type: 'string', default: '0.1' },
    work: { type: 'string' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    skip: { type: 'string', default: '' },
    echo: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'max-rss-gb': { type: 'string', default: '12' },
    shard: { type: 'string' },
  },
});
const docs = Number(values.docs);
const seed = Number(values.seed);
const errorShare = Number(values['error-share']);
const maxRssGb = Number(values['max-rss-gb']);
const skip = new Set(values.skip.split(',').filter(Boolean));
const shard = values.shard === undefined ? undefined : parseShard(values.shard);
if (shard === null) {
  console.error(`bench: --shard ${values.shard}: expected I/N with 1 ≤ I ≤ N`);
  process.exit(2);
}
const unknown = [...skip].filter((x) => !(STAGES as readonly string[]).includes(x));
if (!Number.isInteger(docs) || docs < 1 || !Number.isInteger(seed) || !(errorShare >= 0 && errorShare <= 1) || !(maxRssGb > 0) || unknown.length) {
  console.error(`bench: invalid arguments${unknown.length ? ` (unknown stage ${unknown.join(', ')}; stages: ${STAGES.join(', ')})` : ''}`);
  process.exit(2);
}
const work = resolve(values.work ?? join(tmpdir(), `gongkai-bench-${docs}`));
const json = resolve(values.json ?? `${work}-bench.json`);

/** Writes the result (also after each stage, so a run killed midway keeps what it measured). */
function save(r: BenchResult): void {
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify(r, null, 1)}\n`);
}

const result = await runBench({
  docs, seed, errorShare, work,
  repo: resolve(import.meta.dirname, '../..'),
  stages: { build: !skip.has('build'), baseline: !skip.has('baseline'), sameBytes: !skip.has('same-bytes'), rebuild: !skip.has('rebuild'), dev: !skip.has('dev'), pdf: !skip.has('pdf') },
  profile: values.profile,
  keep: values.keep,
  maxRssBytes: maxRssGb * 1024 ** 3,
  echo: values.echo,
  ...(shard ? { shard } : {}),
  log: (line) => console.error(`bench: ${line}`),
  checkpoint: (partial) => save(partial),
});
result.command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
console.log(formatReport(result));
save(result);
console.log(`\nJSON: ${json}`);
const failed = !result.ingest.ok || result.pdf?.ok === false || result.build?.ingest.ok === false || result.build?.astro.ok === false || result.build?.search?.ok === false || result.baseline?.ok === false || result.baselineSameBytes?.ok === false;
process.exit(failed ? 1 : 0);
