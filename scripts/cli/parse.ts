/**
 * `npm run --silent parse -- FILE [FILE…]` — parses the files given as ONE disclosure (its text and its
 * tables published as separate files, say; any of text, PDF, Word, web page) and prints its record as one
 * JSON object on stdout, exit 0. A FILE may also be a folder: its files are the disclosure (as in seeds/).
 * When the files are not a readable disclosure: `FILE:LINE: message` lines on stderr, exit 1.
 * The sidecar read is the one of the first FILE (`FILE.meta.yml`).
 */
import { readFileSync } from 'node:fs';
import { parseDisclosure } from '../ingest/index.ts';
import { readSidecarFor } from '../ingest/run/sidecar.ts';
import { disclosureFiles } from '../ingest/run/parse-file.ts';
import { formatDiagnostic } from '../ingest/errors.ts';

const given = process.argv.slice(2).filter((a) => a !== '--');
if (!given.length) {
  process.stderr.write('usage: npm run --silent parse -- FILE [FILE…]\n');
  process.exit(2);
}
const parts: { file: string; bytes: Uint8Array }[] = [];
for (const file of given.flatMap((g) => (given.length === 1 ? disclosureFiles(g) : [g]))) {
  try {
    parts.push({ file, bytes: readFileSync(file) });
  } catch (e) {
    process.stderr.write(`${file}:1: 无法读取文件（${(e as NodeJS.ErrnoException).code ?? 'error'}）\n`);
    process.exit(1);
  }
}
const sidecar = readSidecarFor(given[0]!);
if (!sidecar.ok) {
  process.stderr.write(sidecar.diagnostics.map(formatDiagnostic).join('\n') + '\n');
  process.exit(1);
}
const name = given.length === 1 ? given[0]! : given.join(' + ');
const { record, diagnostics } = await parseDisclosure(parts, name, { sidecar: sidecar.value });
if (!record) {
  process.stderr.write(diagnostics.map(formatDiagnostic).join('\n') + '\n');
  process.exit(1);
}
for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
process.stdout.write(JSON.stringify(record) + '\n');
