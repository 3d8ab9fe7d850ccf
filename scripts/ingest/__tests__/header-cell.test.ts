/**
 * Issue 19 case 13: a table whose header had one unexpected cell disappeared (13 → 12 tables) with no
 * finding. Whatever cell is added to a header row, at any place, the table is still read — or, if it is not,
 * a `table.*` finding says so — and the added text is never lost (it is in a header or listed unrecognised).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText, seedText } from './helpers.ts';

const seed = seedText('004');
const lines = seed.split('\n');
const plain = parseText(seed, '004.txt');

/** Header rows of every table: the runs of cell lines after a title, before the first row holding an amount. */
function headerRows(): number[][] {
  const rows: number[][] = [];
  let inHeader = false;
  let run: number[] = [];
  const close = () => {
    if (run.length === 0) return;
    const amounts = run.some((i) => /^\t[\d,.-]+$/.test(lines[i]!));
    if (inHeader && !amounts) rows.push(run);
    else inHeader = false;
    run = [];
  };
  lines.forEach((line, i) => {
    if (line.startsWith('\t')) run.push(i);
    else {
      close();
      if (line.trim() !== '') inHeader = true;
    }
  });
  close();
  return rows;
}

const HEADERS = headerRows();
const NEW_WORD = fc.stringMatching(/^[\u4e00-\u9fa5]{2,6}$/).filter((s) => !seed.includes(s));
/** Words a header may well hold: a unit note, a total, a year — the shapes most likely to be mistaken for a title. */
const KNOWN_WORD = fc.constantFrom('单位：万元', '合计', '备注', '2025年', '其中');

describe('a table header with one unexpected cell', () => {
  it('finds header rows to mutate in the fixture', () => {
    expect(HEADERS.length).toBeGreaterThanOrEqual(plain.tables.length);
  });

  it('keeps its table (or says why not) and loses no text', () => {
    fc.assert(fc.property(
      fc.constantFrom(...HEADERS), fc.nat(), fc.oneof(NEW_WORD, KNOWN_WORD),
      (row, pos, label) => {
        const at = row[pos % (row.length + 1)] ?? row[row.length - 1]! + 1;
        const copy = [...lines];
        copy.splice(at, 0, `\t${label}`);
        const r = parseText(copy.join('\n'), '004-header.txt');
        const said = r.findings.some((f) => f.code.startsWith('table.'));
        expect(r.tables.length === plain.tables.length || said).toBe(true);
        expect(JSON.stringify(r)).toContain(label);
      },
    ), { numRuns: 120 });
  });
});
