/**
 * `node scripts/bench/pdf-probe.ts PDF_DIR` — PDF documents as units publish them, measured in one process
 * (the bench measures its peak resident memory from outside): every `.pdf` of the folder read by the PDF
 * reader alone (pdfjs-dist: text items → lines, page furniture dropped), then parsed as a disclosure
 * (reader + every parse stage, as the ingest does for one file). Prints one JSON object on stdout.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../ingest/readers/index.ts';
import { parseDisclosure } from '../ingest/index.ts';

export interface PdfProbeResult {
  files: number;
  bytes: number;
  pages: number;
  /** Records the parse gave (one per file that is a disclosure). */
  records: number;
  /** Module loading and a first read (PDF.js loads its code and CMaps on first use), not in readMs. */
  firstMs: number;
  /** The PDF reader over every file, warm. */
  readMs: number;
  readCpuMs: number;
  /** parseDisclosure over every file (reader + parse stages, warm). */
  parseMs: number;
  /** The slowest single file read, and its pages. */
  slowest: { ms: number; pages: number };
}

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/bench/pdf-probe.ts PDF_DIR');
  process.exit(2);
}
const files = readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(dir, f));
const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
const t0 = performance.now();
await readDocument(bytes[0]!, files[0]!);
const firstMs = performance.now() - t0;
let pages = 0;
const cpu0 = process.cpuUsage();
const t1 = performance.now();
let slowest = { ms: 0, pages: 0 };
for (let k = 0; k < files.length; k++) {
  const s = performance.now();
  const doc = await readDocument(bytes[k]!, files[k]!);
  const ms = performance.now() - s;
  pages += doc.pages ?? 0;
  if (ms > slowest.ms) slowest = { ms: Math.round(ms), pages: doc.pages ?? 0 };
}
const readMs = performance.now() - t1;
const cpu = process.cpuUsage(cpu0);
let records = 0;
const t2 = performance.now();
for (let k = 0; k < files.length; k++) {
  const { record } = await parseDisclosure([{ file: files[k]!, bytes: bytes[k]! }], files[k]!);
  if (record) records++;
}
const parseMs = performance.now() - t2;
const result: PdfProbeResult = {
  files: files.length, bytes: bytes.reduce((s, b) => s + b.length, 0), pages, records,
  firstMs: Math.round(firstMs), readMs: Math.round(readMs), readCpuMs: Math.round((cpu.user + cpu.system) / 1000),
  parseMs: Math.round(parseMs), slowest,
};
console.log(JSON.stringify(result));
