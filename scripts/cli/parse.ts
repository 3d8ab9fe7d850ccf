/**
 * `npm run --silent parse -- FILE` — prints the record for FILE as one JSON object on stdout, exit 0.
 * When FILE is not a readable disclosure: `FILE:LINE: message` lines on stderr, exit 1.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from '../ingest/index.ts';
import { readSidecarFor } from '../ingest/run/sidecar.ts';
import { formatDiagnostic } from '../ingest/errors.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run --silent parse -- FILE\n');
  process.exit(2);
}
let bytes: Uint8Array;
try {
  bytes = readFileSync(file);
} catch (e) {
  process.stderr.write(`${file}:1: 无法读取文件（${(e as NodeJS.ErrnoException).code ?? 'error'}）\n`);
  process.exit(1);
}
const sidecar = readSidecarFor(file);
if (!sidecar.ok) {
  process.stderr.write(sidecar.diagnostics.map(formatDiagnostic).join('\n') + '\n');
  process.exit(1);
}
const { record, diagnostics } = parseDocument(bytes, file, { sidecar: sidecar.value });
if (!record) {
  process.stderr.write(diagnostics.map(formatDiagnostic).join('\n') + '\n');
  process.exit(1);
}
for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
process.stdout.write(JSON.stringify(record) + '\n');
