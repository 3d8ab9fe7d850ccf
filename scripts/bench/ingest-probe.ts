/**
 * `node scripts/bench/ingest-probe.ts SEEDS CONTENT` — the ingest `npm run ingest` runs (ingestFiles, then
 * writeContent), timed by phase in-process, so the bench can tell start-up, parsing and writing apart.
 * Prints one JSON object on stdout.
 */
import { readFileSync } from 'node:fs';
import { listSeeds, ingestFiles } from '../ingest/corpus.ts';
import { writeContent } from '../ingest/write.ts';

/** Phase times of one ingest. */
export interface ProbeResult {
  files: number;
  bytes: number;
  records: number;
  /** From process start to the first file (module loading). */
  startupMs: number;
  listMs: number;
  /** ingestFiles: read + parse every file, duplicates, cross-year checks, glossary. */
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
const bytes = files.reduce((s, f) => s + readFileSync(f).length, 0);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const { content: set } = ingestFiles(files, seeds);
const cpu = process.cpuUsage(cpu0);
const t1 = performance.now();
writeContent(content, set);
const t2 = performance.now();
const result: ProbeResult = {
  files: files.length, bytes, records: set.records.length,
  startupMs: Math.round(startupMs), listMs: Math.round(listed - startupMs),
  parseMs: Math.round(t1 - t0), parseCpuMs: Math.round((cpu.user + cpu.system) / 1000), writeMs: Math.round(t2 - t1),
};
console.log(JSON.stringify(result));
