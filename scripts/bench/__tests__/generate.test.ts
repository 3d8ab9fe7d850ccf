import { describe, expect, it } from 'vitest';
import { generateDocs, parseGenerateArgs, type GeneratedDoc } from '../generate.ts';
import { cnNumber, itemNumber } from '../render.ts';
import { createRng } from '../random.ts';
import { parseDocument } from '../../ingest/index.ts';

const docs: GeneratedDoc[] = [...generateDocs({ docs: 50, seed: 7, errorShare: 0.3 })];
const parsed = docs.map((d) => ({ doc: d, ...parseDocument(Buffer.from(d.text, 'utf8'), d.file) }));

describe('generated disclosures parse with the real ingest', () => {
  it('generates exactly the requested number of documents with distinct ids', () => {
    expect(docs).toHaveLength(50);
    expect(new Set(docs.map((d) => d.id)).size).toBe(50);
  });

  it('every document yields a record with the id the generator planned', () => {
    for (const { doc, record, diagnostics } of parsed) {
      expect(record, `${doc.file}: ${JSON.stringify(diagnostics)}`).not.toBeNull();
      expect(record!.id).toBe(doc.id);
    }
  });

  it('documents without an injected error give exactly the intended key figures, no error findings and no unread lines', () => {
    const clean = parsed.filter((p) => p.doc.error === null);
    expect(clean.length).toBeGreaterThan(20);
    for (const { doc, record } of clean) {
      expect(record!.keyFigures, doc.file).toEqual(doc.expected);
      expect(record!.findings.filter((f) => f.severity === 'error'), doc.file).toEqual([]);
      expect(record!.coverage.unrecognised, doc.file).toEqual([]);
    }
  });

  it('each injected error is reported by the finding it stands for', () => {
    const faulty = parsed.filter((p) => p.doc.error !== null);
    expect(faulty.length).toBeGreaterThan(5);
    for (const { doc, record } of faulty) {
      expect(record!.findings.map((f) => f.code), `${doc.file} (${doc.error})`).toContain(doc.expectedFinding);
    }
  });
});

describe('a national-size corpus (BENCHMARKS.md projection)', () => {
  it('reaches 50,000 documents, and the first document of every district parses with the district the generator planned', () => {
    const firsts = new Map<string, GeneratedDoc>();
    let n = 0;
    for (const d of generateDocs({ docs: 50_000, seed: 1 })) {
      n++;
      const district = d.id.split('/')[0]!;
      if (!firsts.has(district)) firsts.set(district, d);
    }
    expect(n).toBe(50_000);
    expect(firsts.size).toBeGreaterThan(120);
    for (const d of firsts.values()) {
      const { record, diagnostics } = parseDocument(Buffer.from(d.text, 'utf8'), d.file);
      expect(record?.id, `${d.file}: ${JSON.stringify(diagnostics)}`).toBe(d.id);
    }
  });
});

describe('corpus shape', () => {
  const big = [...generateDocs({ docs: 400, seed: 3, errorShare: 0.1 })];
  const texts = big.map((d) => d.text);
  const share = (re: RegExp): number => texts.filter((t) => re.test(t)).length / texts.length;

  it('is deterministic for a seed and differs across seeds', () => {
    const again = [...generateDocs({ docs: 400, seed: 3, errorShare: 0.1 })];
    expect(again.map((d) => d.text)).toEqual(texts);
    const other = [...generateDocs({ docs: 400, seed: 4, errorShare: 0.1 })];
    expect(other.map((d) => d.text)).not.toEqual(texts);
  });

  it('varies the shapes the seeds show', () => {
    expect(share(/签发人：/)).toBeGreaterThan(0.1); // notice header with 文号/签发人
    expect(share(/签发人：/)).toBeLessThan(0.9);
    expect(share(/的公示\n/)).toBeGreaterThan(0.05);
    expect(share(/的公告\n/)).toBeGreaterThan(0.05);
    expect(share(/第一部分/)).toBeGreaterThan(0.1);
    expect(share(/^\t/m)).toBeGreaterThan(0.03); // attached tab-separated tables
    expect(share(/（本级）/)).toBeGreaterThan(0.01); // departments covering subordinate units
    expect(share(/编制/)).toBeGreaterThan(0.01); // with staffing
    expect(share(/^[１-９]/m)).toBeGreaterThan(0.03); // full-width numbering
    expect(share(/^（1）/m)).toBeGreaterThan(0.03);
    expect(share(/^1\./m)).toBeGreaterThan(0.1);
    expect(share(/专业性名词解释/)).toBeLessThan(1);
    expect(share(/“三公”经费情况说明[\s\S]*其他重要事项/)).toBeGreaterThan(0.5);
    expect(share(/其他重要事项[\s\S]*“三公”经费情况说明/)).toBeGreaterThan(0); // reordered
  });

  it('spreads units over districts and years 2022–2026, most units with several years', () => {
    const districts = new Set(big.map((d) => d.id.split('/')[0]));
    expect(districts.size).toBeGreaterThan(5);
    const years = new Set(big.map((d) => d.expected.year));
    expect([...years].sort()).toEqual([2022, 2023, 2024, 2025, 2026]);
    const perUnit = new Map<string, number>();
    for (const d of big) perUnit.set(d.id.replace(/\/\d{4}$/, ''), (perUnit.get(d.id.replace(/\/\d{4}$/, '')) ?? 0) + 1);
    expect([...perUnit.values()].filter((n) => n >= 3).length / perUnit.size).toBeGreaterThan(0.5);
  });

  it('states amounts in 万元 with at most two decimals, totals equal to the sum of their parts', () => {
    for (const d of big) {
      for (const m of d.text.matchAll(/(\d+(?:\.\d+)?)万元/g)) expect(m[1]!.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(2);
      const k = d.expected;
      const t = k.threePublic;
      expect(t.total).toBe(t.outboundTravel! + t.reception! + t.vehicleOperation! + t.vehiclePurchase!);
      expect(Object.values(k.expenditureByFunction).reduce((a, b) => a + b, 0)).toBe(k.expenditureTotal);
      expect(k.basicExpenditure! + k.projectExpenditure!).toBe(k.generalBudget);
      expect(k.incomeTotal! % 100).toBe(0);
    }
  });

  it('keeps a unit\'s year-on-year change equal to the difference of its published years', () => {
    const byId = new Map(big.map((d) => [d.id, d]));
    let compared = 0;
    for (const d of big) {
      const prev = byId.get(d.id.replace(/\d{4}$/, String(d.expected.year - 1)));
      if (!prev) continue;
      expect(d.expected.changeFromPreviousYear).toBe(d.expected.generalBudget! - prev.expected.generalBudget!);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe('helpers', () => {
  it('numbers headings and items as the documents do', () => {
    expect([1, 10, 12, 20].map(cnNumber)).toEqual(['一', '十', '十二', '二十']);
    expect(itemNumber('dun', 3)).toBe('3、');
    expect(itemNumber('paren', 12)).toBe('（12）');
    expect(itemNumber('fullDot', 12)).toBe('１２．');
  });

  it('draws the same numbers from the same seed, and forks independently of use', () => {
    const a = createRng(5);
    const b = createRng(5);
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
    expect(createRng(5).fork('x').next()).toBe(a.fork('x').next());
    expect(a.sample([1, 2, 3, 4], 2)).toHaveLength(2);
  });

  it('validates its command line', () => {
    expect(parseGenerateArgs(['--docs', '5', '--seed', '2', '--out', 'x'])).toEqual({ docs: 5, seed: 2, errorShare: 0.1, out: 'x' });
    expect(() => parseGenerateArgs(['--docs', '0', '--out', 'x'])).toThrow(/--docs/);
    expect(() => parseGenerateArgs(['--docs', '5'])).toThrow(/--out/);
    expect(() => parseGenerateArgs(['--docs', '5', '--out', 'x', '--error-share', '2'])).toThrow(/error-share/);
  });
});
