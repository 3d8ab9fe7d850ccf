/**
 * `npm run measure-corpus -- [--corpus DIR] [--input pdf|text] [--json FILE]` — runs
 * `npm run --silent parse -- FILE…` on every disclosure of the real corpus (one run per disclosure, its
 * files given together) and prints, per disclosure, the figures it states, those `parse` found and those
 * it got WRONG, against the hand-read fixtures of `scripts/ingest/__tests__/fixtures/corpus-truth/`.
 * Exit 1 when any value is wrong. `--input text` (the default until `parse` reads PDFs) gives it the `pdftotext -layout`
 * renderings, `--input pdf` the PDFs.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareFigures, formatReports, loadTruth, type DisclosureReport, type DisclosureTruth } from '../bench/corpus-truth.ts';
import type { KeyFigures } from '../../src/domain/schema/key-figures.ts';

const REPO_ROOT = join(import.meta.dirname, '../..');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const corpus = option('corpus') ?? process.env.GONGKAI_CORPUS ?? join(REPO_ROOT, '../shared/corpus');
const input = option('input') ?? 'text';
const jsonOut = option('json');
if (!existsSync(corpus)) {
  process.stderr.write(`${corpus}: 没有找到语料目录（--corpus DIR 或 GONGKAI_CORPUS）\n`);
  process.exit(2);
}
if (input !== 'pdf' && input !== 'text') {
  process.stderr.write(`--input ${input}: 只能是 pdf 或 text\n`);
  process.exit(2);
}

/** The files of a disclosure as `parse` is given them. */
const inputFiles = (t: DisclosureTruth, dir: string, kind: 'pdf' | 'text') =>
  t.files.map((f) => (kind === 'pdf' ? join(dir, 'original', f) : join(dir, 'text', f.replace(/\.pdf$/, '.txt'))));

function parseRun(files: string[]): Promise<{ keyFigures: KeyFigures | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'parse', '--', ...files], { cwd: REPO_ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      if (code !== 0) return resolve({ keyFigures: null, stderr: err });
      try {
        resolve({ keyFigures: (JSON.parse(out) as { keyFigures: KeyFigures }).keyFigures, stderr: err });
      } catch {
        resolve({ keyFigures: null, stderr: err || 'parse printed no JSON' });
      }
    });
  });
}

const truths = loadTruth();
const reports: DisclosureReport[] = [];
// Two at a time: the machine's two cores.
for (let i = 0; i < truths.length; i += 2) {
  const batch = truths.slice(i, i + 2);
  const runs = await Promise.all(batch.map((t) => parseRun(inputFiles(t, corpus, input))));
  batch.forEach((t, j) => {
    if (!runs[j]!.keyFigures) process.stderr.write(`${t.disclosure}: parse gave no record\n${runs[j]!.stderr}\n`);
    reports.push(compareFigures(t, runs[j]!.keyFigures));
  });
}
process.stdout.write(`parse on ${input === 'pdf' ? 'the PDFs' : 'the pdftotext -layout text'} of ${corpus}\n\n${formatReports(reports)}\n`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(reports, null, 2) + '\n');
process.exit(reports.some((r) => r.wrong > 0) ? 1 : 0);
