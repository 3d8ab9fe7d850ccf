/**
 * Issue 19 case 10: one very wide row made every row of its table padded to that width (a 39 KB seed gave a
 * 78 MB record; 102 KB crashed the ingest). A row wider than any budget table now leaves its table unread,
 * with a `table.unread` finding at the row's line; the table's lines are published as unrecognised, and the
 * record stays about as large as its input. A row of ordinary width is still read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText, seedText } from './helpers.ts';

const seed = seedText('004');
const lines = seed.split('\n');
const cellLines = lines.map((l, i) => (l.startsWith('\t') ? i : -1)).filter((i) => i >= 0);
const plain = parseText(seed, '004.txt');

/** Seed 004 with `extra` more cells in the row of cell line `at`: one line of tabs, or one cell per line. */
function widened(at: number, extra: number, oneLine: boolean): string {
  const copy = [...lines];
  copy[at] += oneLine ? '\t7'.repeat(extra) : '\n\t7'.repeat(extra);
  return copy.join('\n');
}

describe('a table with one very wide row', () => {
  it('is left unread with a finding, its lines unrecognised, the record not inflated', () => {
    fc.assert(fc.property(
      fc.constantFrom(...cellLines), fc.integer({ min: 65, max: 3000 }), fc.boolean(),
      (at, extra, oneLine) => {
        const text = widened(at, extra, oneLine);
        const r = parseText(text, '004-wide.txt');
        const unread = r.findings.filter((f) => f.code === 'table.unread');
        expect(unread).toHaveLength(1);
        expect(unread[0]!.message).toMatch(/个单元格/);
        expect(r.tables.length).toBe(plain.tables.length - 1);
        // An added cell (non-blank) is listed as unrecognised: nothing of the table is lost.
        const added = oneLine ? at + 1 : at + 2;
        expect(r.coverage.unrecognised.some((u) => u.line === added)).toBe(true);
        // Each added line is listed once (as unrecognised), never once per row of its table.
        expect(JSON.stringify(r).length).toBeLessThan(JSON.stringify(plain).length + 20 * (text.length - seed.length) + 10_000);
      },
    ), { numRuns: 25 });
  });

  it('is read when the row is of ordinary width', () => {
    fc.assert(fc.property(fc.constantFrom(...cellLines), fc.integer({ min: 1, max: 20 }), (at, extra) => {
      const r = parseText(widened(at, extra, true), '004-wider.txt');
      expect(r.tables.length).toBe(plain.tables.length);
      expect(r.findings.some((f) => f.code === 'table.unread')).toBe(false);
    }), { numRuns: 15 });
  });
});
