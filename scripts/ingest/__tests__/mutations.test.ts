/**
 * Issue 9 — bad input, property-based: more than 10,000 generated mutations of the five seeds (lines deleted,
 * duplicated, swapped or cut; digits changed; random Unicode, HTML and control characters inserted; line
 * endings and encodings changed; bytes overwritten, zeroed or cut off) go through `parseDocument` in-process. For every one:
 *  - nothing throws, and the parser reports no 'internal' error (that would be a parser bug);
 *  - there is a record or a diagnostic, and a record exists exactly when no fatal diagnostic does;
 *  - every diagnostic is typed, names the file, has a Chinese message and a line inside the file;
 *  - a record is schema-valid and accounts for every non-blank line (used, or listed as unrecognised).
 * Deterministic (fixed seed). Prints the figures for the closing note.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parseDocument } from '../index.ts';
import { normalize, toLines, type Line } from '../stages/normalize.ts';
import { DIAGNOSTIC_KINDS, NON_FATAL_KINDS, type Diagnostic } from '../errors.ts';
import { recordSchema } from '../../../src/domain/schema/record.ts';
import { accountedLines, seedText, SEEDS, type SeedId } from './helpers.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listSeeds } from '../run/corpus.ts';
import { parseSidecar, readSidecarFor, SIDECAR_LIKE } from '../run/sidecar.ts';

/** Mutations per seed: 10,000+ in all, fewer for the long seed 004 so the file runs in about a minute. */
const RUNS: Record<SeedId, number> = { '000': 2400, '001': 2200, '002': 3000, '003': 1800, '004': 600 };
const FAST_CHECK_SEED = 20260309;

type Op =
  | { op: 'delete'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number; to: number }
  | { op: 'swap'; a: number; b: number; count: number }
  | { op: 'cutLine'; at: number; keep: number }
  | { op: 'cutFile'; keep: number }
  | { op: 'digit'; at: number; to: string }
  | { op: 'insert'; at: number; pos: number; text: string };

const NOISE_CHARS = [
  '\u0000', '\u0001', '\u0007', '\b', '\u000B', '\f', '\u001B', '\u007F', '\u0085', '\u2028', '\u2029',
  '\uFEFF', '\u200B', '\u200D', '\u00A0', '\u3000', '\u00AD', '\t', '\r', '\uFFFD', '\uD800', '\uDC00',
];
const HTML = ['<p>', '</p>', '<br/>', '&nbsp;', '&amp;', '<td>1,234.00</td>', '<span style="x">', '<script>alert(1)</script>', '<!-- -->'];
const DIGIT_REPLACEMENTS = ['0', '1', '5', '9', 'x', 'O', 'l', '.', ',', '..', '一', '十', '，', '．', '１', '９', ' ', '\u00A0', '\u200B', ''];

/** Positions and fractions spread evenly over the document (fast-check's default bias favours small numbers). */
const pos = fc.noBias(fc.nat());
const fraction = fc.noBias(fc.integer({ min: 0, max: 1000 })).map((k) => k / 1000);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('delete' as const), at: pos, count: fc.integer({ min: 1, max: 12 }) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: pos, count: fc.integer({ min: 1, max: 12 }), to: pos }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('swap' as const), a: pos, b: pos, count: fc.integer({ min: 1, max: 8 }) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('cutLine' as const), at: pos, keep: fraction }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('cutFile' as const), keep: fraction }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('digit' as const), at: pos, to: fc.constantFrom(...DIGIT_REPLACEMENTS) }), weight: 4 },
  {
    arbitrary: fc.record({
      op: fc.constant('insert' as const), at: pos, pos,
      text: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 6 }),
        fc.string({ unit: 'grapheme', maxLength: 6 }),
        fc.constantFrom(...HTML),
        fc.array(fc.constantFrom(...NOISE_CHARS), { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
      ),
    }),
    weight: 4,
  },
);

/** Damage to the encoded bytes (a corrupted or cut-off download), on one file in eight. */
type ByteOp = { op: 'overwrite'; at: number; values: number[] } | { op: 'cut'; keep: number } | { op: 'nul'; at: number; count: number };
const byteOpArb: fc.Arbitrary<ByteOp | null> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 7 },
  { arbitrary: fc.record({ op: fc.constant('overwrite' as const), at: pos, values: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 3 }) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('cut' as const), keep: fraction }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('nul' as const), at: pos, count: fc.integer({ min: 1, max: 400 }) }), weight: 1 },
);

type Encoding = 'utf8' | 'utf8-bom' | 'gb18030' | 'gbk' | 'utf16le-bom' | 'utf16be-bom';
const mutationArb = fc.record({
  ops: fc.array(opArb, { minLength: 1, maxLength: 4 }),
  eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
  encoding: fc.constantFrom<Encoding>('utf8', 'utf8', 'utf8', 'utf8-bom', 'gb18030', 'gbk', 'utf16le-bom', 'utf16be-bom'),
  damage: byteOpArb,
});

/** Damages the bytes. */
function damage(bytes: Buffer, o: ByteOp): Buffer {
  if (o.op === 'cut') return bytes.subarray(0, Math.floor(bytes.length * o.keep));
  const out = Buffer.from(bytes);
  if (!out.length) return out;
  const at = o.at % out.length;
  if (o.op === 'overwrite') o.values.forEach((v, i) => { if (at + i < out.length) out[at + i] = v; });
  else out.fill(0, at, Math.min(out.length, at + o.count));
  return out;
}

/** Applies one mutation to the lines (indices wrap around, so any generated number is valid). */
function apply(lines: string[], o: Op): string[] {
  const n = lines.length;
  if (n === 0) return lines;
  const out = [...lines];
  switch (o.op) {
    case 'delete': out.splice(o.at % n, o.count); return out;
    case 'duplicate': { const a = o.at % n; out.splice(o.to % (n + 1), 0, ...lines.slice(a, a + o.count)); return out; }
    case 'swap': {
      const a = o.a % n;
      const b = o.b % n;
      const blockA = lines.slice(a, a + o.count);
      const blockB = lines.slice(b, b + o.count);
      if (Math.abs(a - b) < o.count) return out;
      const [first, second] = a < b ? [a, b] : [b, a];
      const [x, y] = a < b ? [blockA, blockB] : [blockB, blockA];
      return [...lines.slice(0, first), ...y, ...lines.slice(first + x.length, second), ...x, ...lines.slice(second + y.length)];
    }
    case 'cutLine': { const i = o.at % n; out[i] = out[i]!.slice(0, Math.floor(out[i]!.length * o.keep)); return out; }
    case 'cutFile': {
      const text = lines.join('\n');
      return text.slice(0, Math.floor(text.length * o.keep)).split('\n');
    }
    case 'digit': {
      const text = lines.join('\n');
      const digits = [...text.matchAll(/\d/g)].map((m) => m.index);
      if (!digits.length) return out;
      const p = digits[o.at % digits.length]!;
      return (text.slice(0, p) + o.to + text.slice(p + 1)).split('\n');
    }
    case 'insert': { const i = o.at % n; const p = o.pos % (out[i]!.length + 1); out[i] = out[i]!.slice(0, p) + o.text + out[i]!.slice(p); return out; }
  }
}

/** The bytes of a text in an encoding, and the text a reader of those bytes gets back. */
function encode(text: string, encoding: Encoding): { bytes: Buffer; decoded: string } {
  const bytes = encoding === 'utf8' ? Buffer.from(text, 'utf8')
    : encoding === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
      : encoding === 'utf16le-bom' ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])
        : encoding === 'utf16be-bom' ? Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')])
          : iconv.encode(text, encoding);
  const decoded = encoding === 'utf8' || encoding === 'utf8-bom' ? Buffer.from(text, 'utf8').toString('utf8')
    : encoding.startsWith('utf16') ? iconv.decode(bytes.subarray(2), encoding.slice(0, 7)) : iconv.decode(bytes, encoding);
  return { bytes, decoded };
}

/** The lines the parser's decoder yields, or null when it rejects the bytes. */
function linesOrNull(bytes: Buffer, file: string): Line[] | null {
  try {
    return normalize(bytes, file).lines;
  } catch {
    return null;
  }
}

let seedsDone = 0;
const stats = { tried: 0, records: 0, failures: 0, crashes: 0, byKind: Object.fromEntries(DIAGNOSTIC_KINDS.map((k) => [k, 0])) as Record<string, number> };

/**
 * Checks every property for one mutated file; returns a description of the first broken one, or null.
 * `decoded` is the text a reader of the bytes gets back, or null for damaged bytes: then the lines are
 * those the parser's decoder yields, and when it rejects the bytes a diagnostic's line is bounded by the
 * number of line-break bytes.
 */
function check(bytes: Buffer, decoded: string | null, file: string): string | null {
  stats.tried++;
  let result: ReturnType<typeof parseDocument>;
  try {
    result = parseDocument(bytes, file);
  } catch (e) {
    stats.crashes++;
    return `threw: ${(e as Error).stack}`;
  }
  const { record, diagnostics } = result;
  for (const d of diagnostics) stats.byKind[d.kind] = (stats.byKind[d.kind] ?? 0) + 1;
  if (record) stats.records++;
  else stats.failures++;
  const internal = diagnostics.find((d) => d.kind === 'internal');
  if (internal) { stats.crashes++; return `internal error: ${internal.message}`; }
  if (!record && !diagnostics.length) return 'neither a record nor a diagnostic';
  const fatal = diagnostics.filter((d: Diagnostic) => !NON_FATAL_KINDS.has(d.kind));
  if (record && fatal.length) return `a record despite fatal diagnostics: ${JSON.stringify(fatal)}`;
  if (!record && !fatal.length) return `no record but no fatal diagnostic: ${JSON.stringify(diagnostics)}`;
  const lines = decoded !== null ? toLines(decoded) : linesOrNull(bytes, file);
  const lineCount = lines ? lines.length : bytes.filter((b) => b === 0x0a || b === 0x0d).length + 1;
  for (const d of diagnostics) {
    if (!(DIAGNOSTIC_KINDS as readonly string[]).includes(d.kind)) return `untyped diagnostic: ${JSON.stringify(d)}`;
    if (d.file !== file) return `diagnostic names another file: ${JSON.stringify(d)}`;
    if (!Number.isInteger(d.line) || d.line < 1 || d.line > Math.max(1, lineCount)) return `line ${d.line} outside 1..${lineCount}: ${JSON.stringify(d)}`;
    if (!/[\u4e00-\u9fff]/.test(d.message) || d.message.includes('\n')) return `message not one Chinese line: ${JSON.stringify(d)}`;
  }
  if (record) {
    if (!lines) return 'a record for bytes the decoder rejects';
    const valid = recordSchema.safeParse(record);
    if (!valid.success) return `invalid record: ${valid.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
    if (record.coverage.lines !== lines.length) return `coverage.lines ${record.coverage.lines} ≠ ${lines.length}`;
    const seen = accountedLines(record);
    const lost = lines.filter((l) => l.text.trim() && !seen.has(l.n));
    if (lost.length) return `lines neither used nor listed as unrecognised: ${lost.slice(0, 3).map((l) => `${l.n}: ${l.display}`).join(' | ')}`;
  }
  return null;
}

/** Issue 19: generators for names, sizes, sidecars and paths (each run also counts in the total above). */
describe('generated names, sizes, sidecars and paths (fast-check)', () => {
  const cjk = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), maxLength: 300 });
  it('unit names of any length and alphabet: no crash', () => {
    const text = seedText('000');
    fc.assert(fc.property(fc.oneof(cjk, fc.string({ unit: 'grapheme', maxLength: 200 })), (name) => {
      const problem = check(Buffer.from(text.replaceAll('政务信息中心', name), 'utf8'), text.replaceAll('政务信息中心', name), 'named.txt');
      if (problem) throw new Error(problem);
    }), { numRuns: 150, seed: FAST_CHECK_SEED });
  }, 120_000);

  it('a line repeated up to 3,000 times, or made up to 60,000 characters long: no crash', () => {
    const lines = seedText('000').split('\n');
    fc.assert(fc.property(fc.nat({ max: lines.length - 1 }), fc.integer({ min: 1, max: 3000 }), fc.boolean(), (at, times, wide) => {
      const copy = [...lines];
      if (wide) copy[at] = copy[at]!.repeat(Math.max(1, Math.floor(60_000 / Math.max(1, copy[at]!.length))));
      else copy.splice(at, 0, ...Array.from({ length: times }, () => lines[at]!));
      const text = copy.join('\n');
      const problem = check(Buffer.from(text, 'utf8'), text, 'sized.txt');
      if (problem) throw new Error(problem);
    }), { numRuns: 40, seed: FAST_CHECK_SEED });
  }, 120_000);

  it('sidecar texts: parseSidecar never throws; every problem is a sidecar diagnostic with a line', () => {
    const token = fc.constantFrom('status: ', 'draft', 'published', 'publishAt: ', '2026-02-30', '2026-03-01', '&a ', '*a', '[', ']', '{', '}', '- ', '\n', '  ', '\t', '"', "'", '#', ':', 'acknowledgements:', 'corrections:', '!!binary ', '<<: *a', '~', '\u0000');
    fc.assert(fc.property(fc.array(token, { maxLength: 30 }).map((t) => t.join('')), (text) => {
      const r = parseSidecar(text, 'x.txt.meta.yml');
      if (!r.ok) for (const d of r.diagnostics) if (d.kind !== 'sidecar' || d.line < 1 || !/[\u4e00-\u9fff]/.test(d.message)) throw new Error(JSON.stringify(d));
    }), { numRuns: 1000, seed: FAST_CHECK_SEED });
  });

  it('file names beside a seed (sidecar-like, spaces, case, dots): listing and pairing never throw, and no sidecar is read as a seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-names-'));
    try {
      const name = fc.tuple(fc.constantFrom('a.txt', 'a', 'A.TXT', 'b.txt', '.a.txt', 'readme', 'a.txt '), fc.constantFrom('', '.meta.yml', '.meta.yaml', '.META.yml', '.meta.yml ', '.meta.yml.bak', '.txt'))
        .map(([a, b]) => `${a}${b}`);
      fc.assert(fc.property(fc.uniqueArray(name, { maxLength: 5 }), (names) => {
        const sub = mkdtempSync(join(dir, 'd-'));
        writeFileSync(join(sub, 'a.txt'), seedText('000'));
        for (const n of names) if (n !== 'a.txt') writeFileSync(join(sub, n), 'status: draft\n');
        const seeds = listSeeds(sub);
        const sidecar = readSidecarFor(join(sub, 'a.txt'));
        // Sidecars (however misspelt) are never seeds; the seed's own sidecar result is ok or diagnostics.
        for (const x of seeds) if (SIDECAR_LIKE.test(x)) throw new Error(`sidecar listed as a seed: ${x}`);
        if (!sidecar.ok && !sidecar.diagnostics.every((d) => d.kind === 'sidecar' && d.line >= 1)) throw new Error(JSON.stringify(sidecar));
      }), { numRuns: 200, seed: FAST_CHECK_SEED });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mutated seeds (fast-check)', () => {
  for (const id of Object.keys(SEEDS) as SeedId[]) {
    it(`seed ${id}: ${RUNS[id]} mutations — no crash, typed diagnostics inside the file, nothing lost`, () => {
      const original = seedText(id).split(/\r\n|\r|\n/);
      fc.assert(
        fc.property(mutationArb, ({ ops, eol, encoding, damage: byteOp }) => {
          const text = ops.reduce(apply, original).join(eol);
          const { bytes, decoded } = encode(text, encoding);
          const problem = byteOp ? check(damage(bytes, byteOp), null, `mutated-${id}.txt`) : check(bytes, decoded, `mutated-${id}.txt`);
          if (problem) throw new Error(problem);
        }),
        { numRuns: RUNS[id], seed: FAST_CHECK_SEED },
      );
      seedsDone++;
    }, 120_000);
  }

  afterAll(() => {
    const kinds = Object.entries(stats.byKind).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`mutations tried: ${stats.tried}; records: ${stats.records}; rejected with diagnostics: ${stats.failures}; crashes: ${stats.crashes}\ndiagnostics by kind: ${kinds}`);
    if (seedsDone === Object.keys(SEEDS).length) expect(stats.tried).toBeGreaterThanOrEqual(10_000);
  });
});
