/**
 * Issue 9 — the same disclosure saved by different tools reads the same. Every seed re-encoded (UTF-8 with
 * BOM, GB18030, GBK, UTF-16 LE/BE with and without BOM) or with other line endings (CRLF, CR) yields a
 * record equal to the UTF-8 one except for the bytes' hash and the detected encoding; figures typed with
 * full-width digits, thousands separators, or with (non-breaking, ideographic, zero-width) spaces and tabs
 * in and around them read as the same key figures.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseDocument } from '../index.ts';
import { toMatchForm } from '../../../src/domain/text.ts';
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';
import { seedText, SEEDS, type SeedId } from './helpers.ts';

const parse = (bytes: Uint8Array, file: string) => parseDocument(bytes, file);

/** The record without what necessarily differs between encodings of one text. */
function comparable(r: UnitYearRecord | null): unknown {
  if (!r) return null;
  const { sha256: _sha, encoding: _enc, ...source } = r.source;
  void _sha;
  void _enc;
  return { ...r, source };
}

/** Key figures with glossary terms in matching form: a term is shown as written, brackets and all. */
const matchFormTerms = (r: UnitYearRecord | null) => r && { ...r.keyFigures, glossaryTerms: r.keyFigures.glossaryTerms.map(toMatchForm) };

const BOM = { utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff] };
const withBom = (bom: number[], body: Buffer): Buffer => Buffer.concat([Buffer.from(bom), body]);

/** Encodings: name → (text → bytes) and the encoding the parser must report. */
const ENCODINGS: [string, (t: string) => Buffer, string][] = [
  ['UTF-8 with BOM', (t) => withBom(BOM.utf8, Buffer.from(t, 'utf8')), 'utf-8-bom'],
  ['GB18030', (t) => iconv.encode(t, 'gb18030'), 'gb18030'],
  ['GBK', (t) => iconv.encode(t, 'gbk'), 'gb18030'],
  ['UTF-16LE with BOM', (t) => withBom(BOM.utf16le, iconv.encode(t, 'utf16le')), 'utf-16le'],
  ['UTF-16BE with BOM', (t) => withBom(BOM.utf16be, iconv.encode(t, 'utf16be')), 'utf-16be'],
  ['UTF-16LE without BOM', (t) => iconv.encode(t, 'utf16le'), 'utf-16le-nobom'],
  ['UTF-16BE without BOM', (t) => iconv.encode(t, 'utf16be'), 'utf-16be-nobom'],
];

/** A figure followed by its money unit, on a narrative line (attached-table cells start with a tab). */
const FIGURE = /(?<![\d.,])(\d[\d,]*(?:\.\d+)?)(\s*)(万元|元)/g;

/** Rewrites every figure of the narrative lines with `f(number, spaces, unit)`. */
function rewriteFigures(text: string, f: (n: string, sp: string, unit: string) => string): string {
  return text.split('\n').map((l) => (l.startsWith('\t') ? l : l.replace(FIGURE, (_m, n: string, sp: string, u: string) => f(n, sp, u)))).join('\n');
}

const FULL_WIDTH = (s: string): string => s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const withThousands = (n: string): string => {
  const [int, frac] = n.replace(/,/g, '').split('.');
  return int!.replace(/\B(?=(\d{3})+$)/g, ',') + (frac !== undefined ? `.${frac}` : '');
};

/** Figure variants as people type or paste them. */
const FIGURE_VARIANTS: [string, (n: string, sp: string, unit: string) => string][] = [
  ['full-width digits and point (６０９．３５万元)', (n, sp, u) => FULL_WIDTH(n) + sp + u],
  ['thousands separators (1,480.96万元)', (n, sp, u) => withThousands(n) + sp + u],
  ['full-width thousands separators (１，４８０．９６万元)', (n, sp, u) => FULL_WIDTH(withThousands(n)) + sp + u],
  ['spaces before the unit (0  万元, NBSP, ideographic space, tab)', (n, _sp, u) => `${n}  \u00A0\u3000\t${u}`],
  ['a zero-width space inside the figure', (n, sp, u) => `${n.slice(0, 1)}\u200B${n.slice(1)}\u200B${sp}${u}`],
  ['a non-breaking space inside the figure (6 09.35万元)', (n, sp, u) => (n.length > 1 ? `${n.slice(0, 1)}\u00A0${n.slice(1)}` : n) + sp + u],
  ['a space after the decimal point (609. 35万元)', (n, sp, u) => n.replace('.', '. ') + sp + u],
];

/** Punctuation variants over the whole text: full-width and half-width brackets and commas swapped. */
const PUNCTUATION: [string, (t: string) => string][] = [
  ['half-width brackets and commas', (t) => t.replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',')],
  ['full-width brackets and full-width spaces', (t) => t.replace(/\(/g, '（').replace(/\)/g, '）').replace(/ {2}/g, '\u3000')],
];

describe('encodings and line endings', () => {
  for (const id of Object.keys(SEEDS) as SeedId[]) {
    describe(`seed ${id}`, () => {
      const text = seedText(id);
      const file = `seeds/${SEEDS[id]}`;
      const base = parse(Buffer.from(text, 'utf8'), file);

      it('reads as UTF-8 with a record and no diagnostics (the reference)', () => {
        expect(base.record?.source.encoding).toBe('utf-8');
        expect(base.diagnostics).toEqual([]);
      });

      for (const [name, encode, detected] of ENCODINGS) {
        it(`${name}: the same record`, () => {
          const bytes = encode(text);
          const r = parse(bytes, file);
          expect(r.diagnostics).toEqual(base.diagnostics);
          expect(r.record?.source.encoding).toBe(detected);
          expect(comparable(r.record)).toEqual(comparable(base.record));
        });
      }

      for (const [name, eol] of [['CRLF', '\r\n'], ['CR only', '\r']] as const) {
        it(`${name} line endings: the same record`, () => {
          const r = parse(Buffer.from(text.replace(/\r\n|\n/g, eol), 'utf8'), file);
          expect(r.diagnostics).toEqual(base.diagnostics);
          expect(comparable(r.record)).toEqual(comparable(base.record));
        });
      }

      // Only the variants that change something in this seed (001 and 002 have no figure of 1,000 or more).
      for (const [name, rewrite] of FIGURE_VARIANTS.filter(([, f]) => rewriteFigures(text, f) !== text)) {
        it(`figures with ${name}: the same key figures`, () => {
          const changed = rewriteFigures(text, rewrite);
          const r = parse(Buffer.from(changed, 'utf8'), file);
          expect(r.diagnostics).toEqual(base.diagnostics);
          expect(r.record?.keyFigures).toEqual(base.record?.keyFigures);
        });
      }

      for (const [name, rewrite] of PUNCTUATION) {
        it(`${name}: the same key figures (terms keep the brackets as written)`, () => {
          const changed = rewrite(text);
          expect(changed).not.toBe(text);
          const r = parse(Buffer.from(changed, 'utf8'), file);
          expect(r.diagnostics).toEqual(base.diagnostics);
          expect(matchFormTerms(r.record)).toEqual(matchFormTerms(base.record));
        });
      }
    });
  }
});
