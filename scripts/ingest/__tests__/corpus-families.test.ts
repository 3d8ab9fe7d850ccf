/**
 * The Jiangsu and Shanghai families against figures read by hand from the documents (issue 14): the
 * fixtures in `fixtures/corpus-truth/` list every key figure each corpus disclosure states and where. The
 * parser must never give a wrong value, and must find at least FLOOR figures of each disclosure (raised as
 * the readers, tables and templates land). `npm run measure-corpus` prints the same measurement in full.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDisclosure as parseFiles, parseDocument } from '../index.ts';
import { compareFigures, formatReports, loadTruth, matchesStatement, type DisclosureTruth } from '../../bench/corpus-truth.ts';
import type { KeyFigures } from '../../../src/domain/schema/key-figures.ts';
import { CORPUS_DIR } from './helpers.ts';

const present = existsSync(CORPUS_DIR);
const TRUTH = loadTruth();

/** Figures each disclosure must at least give right (the text renderings; today: every figure each states). */
const FLOOR: Record<string, number> = {
  '02_js_jianchayuan_2019': 22,
  '03_js_gaojifayuan_2018': 23,
  '06+22_js_zhengxie_2017': 23,
  '07_sh_putuo-zfbgs-bumen_2025': 25,
  '09_sh_putuo-wanlijiedao-bumen_2025': 30,
  '18_js_renda_2018': 23,
  '19_js_jianchayuan_2017': 23,
  '20+21_js_shengweibgt_2017': 22,
  '23+24_js_zhengxie_2018': 23,
  '25+26_js_zhengxie_2019': 24,
  '27_js_gaojifayuan_2017': 23,
};

const keyFigures = (over: Partial<KeyFigures>): KeyFigures => ({
  unit: '某单位', year: 2025, incomeTotal: null, expenditureTotal: null, generalBudget: null, governmentFund: null,
  basicExpenditure: null, projectExpenditure: null, changeFromPreviousYear: null, expenditureByFunction: {},
  threePublic: { total: null, outboundTravel: null, reception: null, vehicleOperation: null, vehiclePurchase: null },
  operatingExpenses: null, procurement: { total: null, goods: null, works: null, services: null }, vehicles: null,
  glossaryTerms: [], contact: { name: null, phone: null }, ...over,
});

const statement = (printed: string, fen: number, precisionFen: number) => ({ file: 'a.pdf', page: 1, where: '', printed, fen, precisionFen });

/** A disclosure stating its total twice (9,101.68 万元 in the text, 91,016,775.35 元 in a table). */
const SAMPLE: DisclosureTruth = {
  disclosure: 'sample', files: ['a.pdf'], family: 'shanghai', budgetKind: 'departmentBudget',
  figures: {
    unit: { value: '某单位', stated: [] },
    year: { value: 2025, stated: [] },
    incomeTotal: { fen: 9_101_677_535, stated: [statement('9,101.68万元', 9_101_680_000, 10_000), statement('91,016,775.35', 9_101_677_535, 1)] },
    'threePublic.vehiclePurchase': { fen: 0, optional: true, stated: [] },
    'expenditureByFunction.一般公共服务支出': { fen: 8_209_679_742, stated: [statement('82,096,797.42', 8_209_679_742, 1)] },
  },
};

describe('corpus measurement', () => {
  it('accepts an amount at the precision the document prints it, never beyond', () => {
    const text = SAMPLE.figures.incomeTotal!.stated[0]!;
    const table = SAMPLE.figures.incomeTotal!.stated[1]!;
    expect(matchesStatement(91_016_800, text)).toBe(true);
    expect(matchesStatement(91_016_775, text)).toBe(true);
    expect(matchesStatement(91_016_850, text)).toBe(true);
    expect(matchesStatement(91_016_851, text)).toBe(false);
    expect(matchesStatement(91_016_775, table)).toBe(true);
    expect(matchesStatement(91_016_800, table)).toBe(false);
    expect(matchesStatement(91_016_776, table)).toBe(false);
  });

  it('counts found, missing and wrong figures, and a figure the document does not state as wrong', () => {
    const right = compareFigures(SAMPLE, keyFigures({ incomeTotal: 91_016_800, expenditureByFunction: { 一般公共服务支出: 82_096_797 } }));
    expect(right).toMatchObject({ stated: 4, found: 4, missing: 0, wrong: 0 });
    const partial = compareFigures(SAMPLE, keyFigures({ incomeTotal: 91_000_000, vehicles: 0, expenditureByFunction: { 一般公共服务: 82_096_797 } }));
    expect(partial).toMatchObject({ found: 2, missing: 1, wrong: 3 });
    expect(partial.results.filter((r) => r.status === 'wrong').map((r) => r.key).sort())
      .toEqual(['expenditureByFunction.一般公共服务', 'incomeTotal', 'vehicles']);
    expect(compareFigures(SAMPLE, null)).toMatchObject({ found: 0, missing: 4, wrong: 0 });
  });

  it('leaves a blank cell uncounted but still rejects a wrong value for it', () => {
    expect(compareFigures(SAMPLE, keyFigures({ threePublic: { ...keyFigures({}).threePublic, vehiclePurchase: 0 } })).wrong).toBe(0);
    expect(compareFigures(SAMPLE, keyFigures({ threePublic: { ...keyFigures({}).threePublic, vehiclePurchase: 5 } })).wrong).toBe(1);
  });

  it('has a fixture for every disclosure of the corpus', () => {
    expect(TRUTH.map((t) => t.disclosure).sort()).toEqual(Object.keys(FLOOR).sort());
    expect(TRUTH.flatMap((t) => t.files)).toHaveLength(15);
  });
});

/** The `pdftotext -layout` rendering of one corpus PDF, split into pages, whitespace removed. */
const pagesOf = (pdf: string) =>
  readFileSync(join(CORPUS_DIR, 'text', pdf.replace(/\.pdf$/, '.txt')), 'utf8').split('\f').map((p) => p.replace(/\s+/g, ''));

/**
 * Parses a disclosure's text renderings as one document, its files joined at a page break (text first, then
 * the tables), as `parse -- FILE FILE…` treats several files.
 */
function parseDisclosure(t: DisclosureTruth): KeyFigures | null {
  const files = t.files.map((f) => join(CORPUS_DIR, 'text', f.replace(/\.pdf$/, '.txt')));
  const text = files.map((f) => readFileSync(f, 'utf8')).join('\n\f');
  return parseDocument(Buffer.from(text, 'utf8'), files[0]!).record?.keyFigures ?? null;
}

const title = present
  ? 'corpus families (../shared/corpus)'
  : `corpus families — SKIPPED: ${CORPUS_DIR} not found (clone shared/ beside the repository or set GONGKAI_CORPUS)`;

describe.skipIf(!present)(title, () => {
  it('states every fixture figure on the page it names, with the amount it prints', () => {
    for (const t of TRUTH) {
      const pages = new Map(t.files.map((f) => [f, pagesOf(f)]));
      for (const [key, fig] of Object.entries(t.figures)) {
        for (const s of [...fig.stated, ...(fig.disputed ?? [])]) {
          const page = pages.get(s.file)?.[s.page - 1] ?? '';
          expect(page.includes(s.printed.replace(/\s+/g, '')), `${t.disclosure} ${key}: "${s.printed}" on ${s.file} p${s.page}`).toBe(true);
        }
        if (fig.fen !== undefined) {
          for (const s of fig.stated) expect(matchesStatement(fig.fen / 100, s), `${t.disclosure} ${key}: ${s.printed}`).toBe(true);
        }
      }
    }
  });

  const reports = present ? TRUTH.map((t) => compareFigures(t, parseDisclosure(t))) : [];

  it('gives no wrong value in any disclosure', () => {
    const wrong = reports.filter((r) => r.wrong > 0);
    expect(wrong, formatReports(wrong)).toEqual([]);
  });

  it.each(TRUTH.map((t) => t.disclosure))('finds at least its floor of %s’s figures', (name) => {
    const r = reports.find((x) => x.disclosure === name)!;
    expect(r.found, formatReports([r])).toBeGreaterThanOrEqual(FLOOR[name]!);
  });
});

/** Figures each disclosure must at least give right when its PDFs are parsed (`parse -- FILE…`, as published). */
const PDF_FLOOR: Record<string, number> = {
  ...FLOOR,
  '07_sh_putuo-zfbgs-bumen_2025': 24,
  '09_sh_putuo-wanlijiedao-bumen_2025': 29,
  '19_js_jianchayuan_2017': 22,
};

describe.skipIf(!present)(`${title}: the PDFs as published`, () => {
  let reports: ReturnType<typeof compareFigures>[] = [];
  beforeAll(async () => {
    reports = await Promise.all(TRUTH.map(async (t) => {
      const parts = t.files.map((f) => ({ file: f, bytes: readFileSync(join(CORPUS_DIR, 'original', f)) }));
      const { record } = await parseFiles(parts, t.files[0]!);
      return compareFigures(t, record?.keyFigures ?? null);
    }));
  }, 300_000);

  it('gives no wrong value in any disclosure', () => {
    const wrong = reports.filter((r) => r.wrong > 0);
    expect(wrong, formatReports(wrong)).toEqual([]);
  });

  it.each(TRUTH.map((t) => t.disclosure))('finds at least its floor of %s’s figures', (name) => {
    const r = reports.find((x) => x.disclosure === name)!;
    expect(r.found, formatReports([r])).toBeGreaterThanOrEqual(PDF_FLOOR[name]!);
  });
});

/** The tables file of each text + tables pair, published alone: identity from its tables' headings and titles. */
const TABLES_ONLY: Record<string, { unit: string; year: number; floor: number }> = {
  '21_js_shengweibgt-biaoge_2017.pdf': { unit: '中国共产党江苏省委员会办公厅', year: 2017, floor: 11 },
  '22_js_zhengxie-biaoge_2017.pdf': { unit: '江苏省政协办公厅', year: 2017, floor: 10 },
  '24_js_zhengxie-biaoge_2018.pdf': { unit: '江苏省政协办公厅', year: 2018, floor: 21 },
  '26_js_zhengxie-biaoge_2019.pdf': { unit: '江苏省政协办公厅', year: 2019, floor: 14 },
};

describe.skipIf(!present)(`${title}: a tables file alone`, () => {
  it.each(Object.entries(TABLES_ONLY))('%s gives a record with the figures its tables state, none wrong', async (file, expected) => {
    const { record, diagnostics } = await parseFiles([{ file, bytes: readFileSync(join(CORPUS_DIR, 'original', file)) }], file);
    expect(record, diagnostics.map((d) => d.message).join('\n')).not.toBeNull();
    expect(record!.identity).toMatchObject({ unit: expected.unit, year: expected.year });
    expect(record!.tables.length).toBeGreaterThan(5);
    const r = compareFigures(TRUTH.find((t) => t.files.includes(file))!, record!.keyFigures);
    expect(r.wrong, formatReports([r])).toBe(0);
    expect(r.found, formatReports([r])).toBeGreaterThanOrEqual(expected.floor);
  }, 120_000);
});
