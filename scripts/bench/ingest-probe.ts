/**
 * `node scripts/bench/ingest-probe.ts SEEDS CONTENT` — the ingest `npm run ingest` runs (`ingestToContent`:
 * worker threads read and parse the seeds and write each record as it is parsed, then the checks across
 * files, index, glossary and the atomic swap), timed in-process so the bench can tell start-up from the
 * ingest itself. Parsing and writing overlap, so they are one phase (`parseMs`; `writeMs` is 0).
 * CPU time includes the worker threads. Prints one JSON object on stdout.
 */
import { readFileSync } from 'node:fs';
import { listSeeds, ingestToContent } from '../ingest/run/corpus.ts';
import { disclosureFiles } from '../ingest/run/parse-file.ts';

/** Phase times of one ingest. */
export interface ProbeResult {
  files: number;
  bytes: number;
  records: number;
  /** From process start to the first file (module loading). */
  startupMs: number;
  listMs: number;
  /** ingestToContent: read, parse and write every file, duplicates, cross-year checks, glossary, swap. */
  parseMs: number;
  parseCpuMs: number;
  writeMs: number;
}

const [seeds, content] = process.argv.slice(2);
if (!seeds || !content) {
  console.error('usage: node scripts/bench/ingest-probe.ts SEEDS CONTENT');
  process.exit(2);
}
const startupMs = performance.now();
const files = listSeeds(seeds);
const listed = performance.now();
const bytes = files.reduce((s, f) => s + disclosureFiles(f).reduce((t, p) => t + readFileSync(p).length, 0), 0);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const { published } = await ingestToContent(files, seeds, content);
const cpu = process.cpuUsage(cpu0);
const t1 = performance.now();
const result: ProbeResult = {
  files: files.length, bytes, records: published.length,
  startupMs: Math.round(startupMs), listMs: Math.round(listed - startupMs),
  parseMs: Math.round(t1 - t0), parseCpuMs: Math.round((cpu.user + cpu.system) / 1000), writeMs: 0,
};
console.log(JSON.stringify(result));
