/**
 * One disclosure from files of any format, or from several files (its text and its tables published
 * apart): `parseDisclosure`, a folder under seeds/, and `npm run parse -- FILE FILE`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDisclosure, parseDocument } from '../../index.ts';
import { ingestFiles, listSeeds } from '../../run/corpus.ts';
import { CORPUS_DIR, SEEDS_DIR, runNpm, tempDir } from '../../__tests__/helpers.ts';
import { blocksOf, htmlOf } from '../../__tests__/fixtures/formats/make.ts';

const FORMATS = join(import.meta.dirname, '../../__tests__/fixtures/formats');
const SEED = '004_4ff91bf0fb23a83f.txt';
const seedBytes = readFileSync(join(SEEDS_DIR, SEED));
const text = parseDocument(seedBytes, SEED).record!;
const tmp = tempDir('disclosure');
afterAll(tmp.cleanup);

/** Seed 004's narrative (before its first table) and its tables-only rest, as two files. */
function split(): { narrative: string; tables: string } {
  const lines = seedBytes.toString('utf8').split('\n');
  const first = lines.findIndex((l) => l.startsWith('\t'));
  // The table's title and unit line stand just above its first cell.
  let cut = first - 1;
  while (cut > 0 && !/附件|^\s*$/.test(lines[cut - 1]!) ) cut--;
  return { narrative: lines.slice(0, cut).join('\n'), tables: lines.slice(cut).join('\n') };
}

describe('Word and web page disclosures', () => {
  it.each(['seed-004.docx', 'seed-004.html'])('%s gives the figures and tables of the text seed', async (name) => {
    const { record, diagnostics } = await parseDisclosure([{ file: name, bytes: readFileSync(join(FORMATS, name)) }], name);
    expect(diagnostics).toEqual([]);
    expect(record!.keyFigures).toEqual(text.keyFigures);
    expect(record!.tables.map((t) => [t.kind, t.rows.length])).toEqual(text.tables.map((t) => [t.kind, t.rows.length]));
    expect(record!.tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text)))).toEqual(text.tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text))));
    expect(record!.source.parts).toEqual([expect.objectContaining({ file: name, format: name.endsWith('.docx') ? 'docx' : 'html', firstLine: 1, pages: null, pageLines: [] })]);
  });
});

describe('several files, one disclosure', () => {
  const { narrative, tables } = split();
  const tablesHtml = htmlOf(blocksOf(tables));

  it('the text and its tables (as a web page) give the figures of the whole seed, text first whatever the order', async () => {
    for (const order of [[0, 1], [1, 0]]) {
      const files = [{ file: 'a/tables.html', bytes: Buffer.from(tablesHtml) }, { file: 'a/text.txt', bytes: Buffer.from(narrative) }];
      const { record } = await parseDisclosure(order.map((k) => files[k]!), 'a');
      expect(record!.source.file).toBe('a');
      expect(record!.source.parts!.map((p) => [p.file, p.format])).toEqual([['a/text.txt', 'text'], ['a/tables.html', 'html']]);
      expect(record!.keyFigures).toEqual(text.keyFigures);
      expect(record!.tables.map((t) => t.kind)).toEqual(text.tables.map((t) => t.kind));
      const [first, second] = record!.source.parts!;
      expect(second!.firstLine).toBe(first!.firstLine + first!.lineCount);
      expect(record!.source.lines.length).toBe(first!.lineCount + second!.lineCount);
    }
  });

  it('a part that cannot be read makes the disclosure unreadable, naming that file', async () => {
    const { record, diagnostics } = await parseDisclosure([
      { file: 'b/text.txt', bytes: Buffer.from(narrative) }, { file: 'b/scan.pdf', bytes: Buffer.from('%PDF-1.4\n') },
    ], 'b');
    expect(record).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'b/scan.pdf', line: 1, kind: 'damaged' })]);
  });

  it('a folder under seeds/ is one disclosure; a sidecar beside the folder applies to it', async () => {
    const seeds = join(tmp.path, 'seeds');
    mkdirSync(join(seeds, 'jiulongpo-2026'), { recursive: true });
    writeFileSync(join(seeds, 'jiulongpo-2026', '1-说明.txt'), narrative);
    writeFileSync(join(seeds, 'jiulongpo-2026', '2-公开表.html'), tablesHtml);
    writeFileSync(join(seeds, 'jiulongpo-2026.meta.yml'), 'status: draft\n');
    writeFileSync(join(seeds, SEED.replace('004', '005')), readFileSync(join(SEEDS_DIR, '000_bc76dcabdb26b188.txt')));
    expect(listSeeds(seeds).map((p) => p.slice(seeds.length + 1))).toEqual(['005_4ff91bf0fb23a83f.txt', 'jiulongpo-2026']);
    const { outcomes } = await ingestFiles(listSeeds(seeds), seeds);
    const folder = outcomes[1]!;
    expect(folder.diagnostics).toEqual([]);
    expect(folder.record!.keyFigures).toEqual(text.keyFigures);
    expect(folder.record!.source.file).toBe('jiulongpo-2026');
    expect(folder.record!.release.status).toBe('draft');
  });

  it('npm run parse -- FILE FILE prints one record', async () => {
    const dir = join(tmp.path, 'cli');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'tables.html'), tablesHtml);
    writeFileSync(join(dir, 'text.txt'), narrative);
    const r = await runNpm(['run', '--silent', 'parse', '--', join(dir, 'tables.html'), join(dir, 'text.txt')]);
    expect(r.status, r.stderr).toBe(0);
    const record = JSON.parse(r.stdout) as typeof text;
    expect(record.keyFigures).toEqual(text.keyFigures);
    expect(record.source.parts!.map((p) => p.format)).toEqual(['text', 'html']);
  });
});

const ORIGINAL = join(CORPUS_DIR, 'original');
describe.skipIf(!existsSync(ORIGINAL))('corpus PDFs published as two files (../shared/corpus/original)', () => {
  it('20 + 21 (江苏省委办公厅 2017: text + tables) are one record with both parts, pages and page numbers counted', async () => {
    const files = ['21_js_shengweibgt-biaoge_2017.pdf', '20_js_shengweibgt-wenjian_2017.pdf'];
    const { record } = await parseDisclosure(files.map((f) => ({ file: f, bytes: readFileSync(join(ORIGINAL, f)) })), 'shengweibgt-2017');
    expect(record).not.toBeNull();
    const parts = record!.source.parts!;
    // The text (its sentences end in 。) comes first.
    expect(parts.map((p) => [p.file, p.format, p.pages])).toEqual([[files[1], 'pdf', 13], [files[0], 'pdf', 14]]);
    expect(parts[0]!.dropped).toBe(13); // — 1 — … — 13 —
    expect(parts[0]!.pageLines[0]).toBe(1);
    expect(parts[1]!.pageLines[0]).toBe(parts[1]!.firstLine);
    for (const p of parts) {
      const starts = p.pageLines.filter((n): n is number => n !== null);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(starts.every((n) => n >= p.firstLine && n < p.firstLine + p.lineCount)).toBe(true);
    }
    expect(record!.identity.year).toBe(2017);
  });
});
