/**
 * Synthetic disclosures for the benchmark, deterministic from a seed number.
 *
 *   npx node scripts/bench/generate.ts --docs N --seed S --out DIR [--error-share 0.1]
 *
 * Writes DIR/<district>/<unit>-<year>.txt (a tree `npm run ingest -- DIR` reads) and DIR/.manifest.jsonl
 * (hidden, so ingest skips it): one line per document with its expected record id, the key figures the
 * ingest must read from it, and the error injected into it, if any.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRng, type Rng } from './random.ts';
import { figureSeries, functionName, generalBudgetOf, incomeTotalOf, planProvince, procurementTotalOf, threePublicTotalOf, type UnitPlan, type YearFigures } from './model.ts';
import { INJECTED_ERRORS, renderDocument, type InjectedError, type ItemStyle, type Shape } from './render.ts';
import { GLOSSARY } from './vocabulary.ts';
import type { KeyFigures } from '../../src/domain/schema/key-figures.ts';

export interface GenerateOptions {
  docs: number;
  seed: number;
  /** Share of documents carrying one typical error (0–1). */
  errorShare?: number;
}

/** One generated document. */
export interface GeneratedDoc {
  /** Path relative to the output folder. */
  file: string;
  /** The record id the ingest must give it. */
  id: string;
  text: string;
  /** What the ingest must read (for documents with an injected error: what the document meant to say). */
  expected: KeyFigures;
  error: InjectedError | null;
  /** Finding code the injected error must produce, or null. */
  expectedFinding: string | null;
}

/** The manifest line of a document (everything but its text). */
export type ManifestEntry = Omit<GeneratedDoc, 'text'>;

export const MANIFEST = '.manifest.jsonl';

const ITEM_STYLES: ItemStyle[] = ['dun', 'dun', 'dun', 'dun', 'dot', 'dot', 'dot', 'paren', 'fullDun', 'fullDot'];

/** A unit's usual layout; documents of one unit mostly look alike from year to year. */
function unitShape(rng: Rng, unit: UnitPlan, onlyGeneralBudget: boolean): Shape {
  const header = rng.pick(['notice', 'notice', 'preamble', 'plain', 'plain'] as const);
  const main = GLOSSARY.slice(0, 5);
  const glossary = rng.chance(0.85)
    ? [...rng.sample(main, rng.int(3, 5)), ...(rng.chance(0.2) ? rng.sample(GLOSSARY.slice(5), rng.int(2, 9)) : [])]
    : [];
  return {
    header,
    noticeKind: rng.pick(['公示', '公告'] as const),
    budgetWord: header === 'plain' && rng.chance(0.3) ? '单位' : '部门',
    parts: header === 'plain' ? rng.chance(0.1) : rng.chance(0.7),
    items: rng.pick(ITEM_STYLES),
    otherMattersAsSubsections: rng.chance(0.35),
    spacing: rng.chance(0.6),
    threePublicLast: rng.chance(0.05),
    glossary,
    glossaryParen: rng.chance(0.85),
    absent: { operating: rng.chance(0.06), procurement: rng.chance(0.06), performance: rng.chance(0.05), assets: rng.chance(0.08) },
    tables: onlyGeneralBudget && rng.chance(0.25),
    consolidated: unit.consolidated.length > 0,
    divisionsAsList: rng.chance(0.2),
    lastYearWording: rng.chance(0.15),
    fixedDecimals: rng.chance(0.15),
    threePublicItemChanges: rng.chance(0.7),
    roundingNote: rng.chance(0.05),
    date: rng.chance(header === 'notice' ? 0.5 : 0.2),
    carriedForward: rng.chance(0.15),
  };
}

/** The key figures a document states, as the ingest reports them (whole 元). */
export function expectedKeyFigures(unit: UnitPlan, f: YearFigures, prev: YearFigures, shape: Shape): KeyFigures {
  const byFunction: Record<string, number> = {};
  for (const x of f.byFunction) byFunction[functionName(x.key)] = x.amount;
  return {
    unit: unit.name,
    year: f.year,
    incomeTotal: incomeTotalOf(f),
    expenditureTotal: incomeTotalOf(f),
    generalBudget: generalBudgetOf(f),
    governmentFund: f.governmentFund,
    basicExpenditure: f.basic,
    projectExpenditure: f.project,
    changeFromPreviousYear: generalBudgetOf(f) - generalBudgetOf(prev),
    expenditureByFunction: byFunction,
    threePublic: { total: threePublicTotalOf(f), ...f.threePublic },
    operatingExpenses: shape.absent.operating ? null : f.operating,
    procurement: shape.absent.procurement
      ? { total: null, goods: null, works: null, services: null }
      : { total: procurementTotalOf(f), ...f.procurement },
    vehicles: shape.absent.assets ? null : f.vehicles,
    glossaryTerms: shape.glossary.map((g) => g.term),
    contact: { ...unit.contact },
  };
}

/** Errors a document of this shape can carry. */
function possibleErrors(shape: Shape): InjectedError[] {
  return (Object.keys(INJECTED_ERRORS) as InjectedError[])
    .filter((e) => (e !== 'procurementSum' || !shape.absent.procurement) && (e !== 'tableFunction' || shape.tables));
}

/** Generates the corpus document by document (lazily: 20,000 documents need not sit in memory). */
export function* generateDocs(options: GenerateOptions): Generator<GeneratedDoc> {
  const rng = createRng(options.seed);
  const errorShare = options.errorShare ?? 0.1;
  for (const unit of planProvince(rng.fork('province'), options.docs)) {
    const key = `${unit.slug.district}/${unit.slug.unit}`;
    const unitRng = rng.fork(key);
    const series = figureSeries(unitRng.fork('figures'), unit);
    const first = series.get(unit.years[0]!)!;
    const onlyGeneralBudget = incomeTotalOf(first) === generalBudgetOf(first);
    const base = unitShape(unitRng.fork('shape'), unit, onlyGeneralBudget);
    for (const year of unit.years) {
      const docRng = unitRng.fork(String(year));
      // A unit's layout changes a little from year to year (a new contact sentence, a dropped glossary).
      const shape: Shape = { ...base, spacing: docRng.chance(0.9) ? base.spacing : !base.spacing, date: docRng.chance(0.5) ? base.date : !base.date };
      const f = series.get(year)!;
      const prev = series.get(year - 1)!;
      const error = docRng.chance(errorShare) ? docRng.pick(possibleErrors(shape)) : null;
      const text = renderDocument({ unit, figures: f, previous: prev, shape, error, errorDelta: docRng.int(1, 99) * 10000 + docRng.int(0, 99) * 100, rng: docRng });
      yield {
        // Flat: a folder under seeds/ is one disclosure of several files (listSeeds).
        file: `${unit.slug.district}_${unit.slug.unit}-${year}.txt`,
        id: `${key}/${year}`,
        text,
        expected: expectedKeyFigures(unit, f, prev, shape),
        error,
        expectedFinding: error ? INJECTED_ERRORS[error] : null,
      };
    }
  }
}

/**
 * Writes the corpus under `outDir` (replacing a corpus generated there before; refusing any other
 * non-empty folder). Returns the number of documents and bytes written.
 */
export function writeCorpus(options: GenerateOptions, outDir: string): { docs: number; bytes: number } {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    if (!existsSync(join(outDir, MANIFEST))) throw new Error(`${outDir} is not empty and holds no generated corpus; choose another --out`);
    rmSync(outDir, { recursive: true, force: true });
  }
  mkdirSync(outDir, { recursive: true });
  const manifest = join(outDir, MANIFEST);
  writeFileSync(manifest, '');
  let docs = 0;
  let bytes = 0;
  let batch: string[] = [];
  for (const doc of generateDocs(options)) {
    const path = join(outDir, doc.file);
    mkdirSync(dirname(path), { recursive: true });
    const data = Buffer.from(doc.text, 'utf8');
    writeFileSync(path, data);
    const { text: _text, ...entry } = doc;
    void _text;
    batch.push(JSON.stringify(entry));
    if (batch.length >= 500) { appendFileSync(manifest, batch.join('\n') + '\n'); batch = []; }
    docs++;
    bytes += data.length;
  }
  if (batch.length) appendFileSync(manifest, batch.join('\n') + '\n');
  return { docs, bytes };
}

/** Parses `--docs N --seed S --out DIR [--error-share X]`. */
export function parseGenerateArgs(argv: string[]): GenerateOptions & { out: string } {
  const { values } = parseArgs({
    args: argv,
    options: { docs: { type: 'string' }, seed: { type: 'string', default: '1' }, out: { type: 'string' }, 'error-share': { type: 'string', default: '0.1' } },
  });
  const docs = Number(values.docs);
  const seed = Number(values.seed);
  const errorShare = Number(values['error-share']);
  if (!Number.isInteger(docs) || docs < 1) throw new Error('--docs must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (!(errorShare >= 0 && errorShare <= 1)) throw new Error('--error-share must be between 0 and 1');
  if (!values.out) throw new Error('--out DIR is required');
  return { docs, seed, errorShare, out: values.out };
}

if (import.meta.main) {
  try {
    const { out, ...options } = parseGenerateArgs(process.argv.slice(2));
    const started = performance.now();
    const { docs, bytes } = writeCorpus(options, out);
    console.log(`generated ${docs} documents (${(bytes / 1e6).toFixed(1)} MB) in ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.error(`generate: ${(e as Error).message}`);
    console.error('usage: npx node scripts/bench/generate.ts --docs N --seed S --out DIR [--error-share 0.1]');
    process.exit(2);
  }
}
