/**
 * Real disclosures from other provinces (../shared/corpus, beside the repository): other templates and
 * layouts than the seeds. Each file must give a record or clean diagnostics — typed, with a line inside the
 * file, never a parser crash. Units and years were read from the documents' own title pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../index.ts';
import { recordSchema } from '../../../src/domain/schema/record.ts';
import { CORPUS_DIR, DIAGNOSTIC_KINDS, textLines, unaccountedLines } from './helpers.ts';

const present = existsSync(CORPUS_DIR);
/** `text/…` (pdftotext -layout) and `reading-order/…` (plain pdftotext) files. */
const FILES = present
  ? ['text', 'reading-order'].flatMap((d) => readdirSync(join(CORPUS_DIR, d)).filter((f) => f.endsWith('.txt')).sort().map((f) => `${d}/${f}`))
  : [];

/** Documents that must give a record, with the unit and year their title pages state. */
const RECORDS: Record<string, { unit: string; year: number }> = {
  '02_js_jianchayuan_2019': { unit: '江苏省人民检察院', year: 2019 },
  '03_js_gaojifayuan_2018': { unit: '江苏省高级人民法院', year: 2018 },
  '06_js_zhengxie_2017': { unit: '江苏省政协办公厅', year: 2017 },
  '07_sh_putuo-zfbgs-bumen_2025': { unit: '上海市普陀区人民政府办公室', year: 2025 },
  '09_sh_putuo-wanlijiedao-bumen_2025': { unit: '上海市普陀区人民政府万里街道办事处', year: 2025 },
};
const expectedOf = (file: string) => RECORDS[basename(file, '.txt')];

const parse = (file: string) => {
  const text = readFileSync(join(CORPUS_DIR, file));
  return { ...parseDocument(text, file), lines: textLines(text.toString('utf8')) };
};

const title = present
  ? 'corpus of other layouts (../shared/corpus)'
  : 'corpus of other layouts — SKIPPED: ../shared/corpus not found beside the repository (clone shared/ next to it)';

describe.skipIf(!present)(title, () => {
  it('has both renderings of every document', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(10);
    for (const name of Object.keys(RECORDS)) {
      expect(FILES).toContain(`text/${name}.txt`);
      expect(FILES).toContain(`reading-order/${name}.txt`);
    }
  });

  it.each(FILES)('%s: a record or clean diagnostics, never a parser crash', (file) => {
    const { record, diagnostics, lines } = parse(file);
    if (!record) expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(DIAGNOSTIC_KINDS).toContain(d.kind);
      expect(d.kind, d.message).not.toBe('internal');
      expect(d.file).toBe(file);
      expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= Math.max(1, lines.length), `line ${d.line}`).toBe(true);
      expect(d.message.trim()).not.toBe('');
    }
  });

  it.each(FILES.filter((f) => expectedOf(f)))('%s: the unit and year of the document', (file) => {
    const { record, diagnostics } = parse(file);
    expect(record, diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n')).not.toBeNull();
    expect([record!.identity.unit, record!.identity.year]).toEqual([expectedOf(file)!.unit, expectedOf(file)!.year]);
    expect([record!.keyFigures.unit, record!.keyFigures.year]).toEqual([expectedOf(file)!.unit, expectedOf(file)!.year]);
  });

  it.each(FILES)('%s: a record is valid and accounts for every non-blank line', (file) => {
    const { record, lines } = parse(file);
    if (!record) return;
    expect(() => recordSchema.parse(record)).not.toThrow();
    expect(record.coverage.lines).toBe(lines.length);
    for (const f of record.findings) if (f.line !== null) expect(f.line).toBeLessThanOrEqual(lines.length);
    expect(unaccountedLines(record, lines.join('\n'))).toEqual([]);
  });
});
