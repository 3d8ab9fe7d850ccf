/**
 * Measures `parse` against figures read by hand from real disclosures (issue 14): for each disclosure of
 * `../shared/corpus`, a fixture in `scripts/ingest/__tests__/fixtures/corpus-truth/` lists every key figure
 * the document states, with where it states it (file, page, the words beside it, the amount as printed).
 * A figure the parser gives is FOUND when it equals one of those statements at the precision printed
 * (9,101.68 万元 accepts 91,016,775.35 元 and 91,016,800 元), WRONG when it differs from all of them or when
 * the document states no such figure, MISSING when the parser gives nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyFigures } from '../../src/domain/schema/key-figures.ts';

/** Where the hand-read figures are. */
export const TRUTH_DIR = join(import.meta.dirname, '../ingest/__tests__/fixtures/corpus-truth');

/** One place a document states a figure. */
export interface Statement {
  /** File of the disclosure (PDF name in the corpus). */
  file: string;
  /** 1-based page of that PDF. */
  page: number;
  /** The words printed beside the figure (a row label or the sentence's start). */
  where: string;
  /** The amount (or words) as printed. */
  printed: string;
  /** Unit of a table cell printed without one. */
  unit?: string;
  /** The printed amount in 分 (amount figures only). */
  fen?: number;
  /** Precision of the printed amount in 分: 10000 for x.xx 万元, 100 for whole 元, 1 for 元 with 分. */
  precisionFen?: number;
}

/** A key figure as the document states it. */
export interface FigureTruth {
  /** Amount figures: the most precise amount stated, in 分. */
  fen?: number;
  /** Other figures (unit, year, vehicles, glossary terms): the value as stated. */
  value?: string | number | string[];
  /** Other spellings the document itself uses (the unit's full name in the tables, say). */
  alsoAccepted?: (string | number)[];
  /** Not counted as stated (a blank cell): a value is still checked if the parser gives one. */
  optional?: boolean;
  note?: string;
  stated: Statement[];
  /** Statements of another value in the same document (its own typos): reported, never counted found. */
  disputed?: Statement[];
}

/** The figures of one disclosure (one or several files). */
export interface DisclosureTruth {
  disclosure: string;
  /** The PDFs of the disclosure, text first. */
  files: string[];
  family: 'jiangsu' | 'shanghai';
  budgetKind: 'departmentBudget' | 'unitBudget';
  note?: string;
  /** Keyed by key-figure path: `incomeTotal`, `threePublic.total`, `expenditureByFunction.<class>` … */
  figures: Record<string, FigureTruth>;
}

export type FigureStatus = 'found' | 'missing' | 'wrong' | 'disputed';

export interface FigureResult {
  key: string;
  status: FigureStatus;
  /** What the parser gave (元 for amounts). */
  got: unknown;
  /** What the document states (元 for amounts; the most precise statement). */
  expected: unknown;
}

export interface DisclosureReport {
  disclosure: string;
  family: string;
  /** Figures the document states (optional ones excluded). */
  stated: number;
  found: number;
  missing: number;
  /** Wrong values, including values for figures the document does not state. */
  wrong: number;
  results: FigureResult[];
}

/** Every truth fixture, by disclosure name order. */
export function loadTruth(dir = TRUTH_DIR): DisclosureTruth[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as DisclosureTruth);
}

/** Key figures as `path → value`; amounts stay in 元, null and empty values are left out. */
export function flattenKeyFigures(k: KeyFigures): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const put = (key: string, v: unknown) => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v) && v.length === 0) return;
    out.set(key, v);
  };
  put('unit', k.unit);
  put('year', k.year);
  for (const key of ['incomeTotal', 'expenditureTotal', 'generalBudget', 'governmentFund', 'basicExpenditure',
    'projectExpenditure', 'changeFromPreviousYear', 'operatingExpenses', 'vehicles'] as const) put(key, k[key]);
  for (const [label, v] of Object.entries(k.expenditureByFunction)) put(`expenditureByFunction.${label}`, v);
  for (const [item, v] of Object.entries(k.threePublic)) put(`threePublic.${item}`, v);
  for (const [part, v] of Object.entries(k.procurement)) put(`procurement.${part}`, v);
  put('glossaryTerms', k.glossaryTerms);
  put('contact.name', k.contact.name);
  put('contact.phone', k.contact.phone);
  return out;
}

/** True when `yuan` is what the statement prints, at the precision it is printed (never finer than 1 元). */
export function matchesStatement(yuan: number, s: Statement): boolean {
  if (s.fen === undefined) return false;
  const tolerance = Math.max(s.precisionFen ?? 1, 100);
  return Math.abs(yuan * 100 - s.fen) * 2 <= tolerance;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function judge(key: string, truth: FigureTruth, got: unknown): FigureResult {
  const amount = truth.fen !== undefined;
  const expected = amount ? truth.fen! / 100 : truth.value;
  if (got === undefined) return { key, status: 'missing', got: null, expected };
  if (amount) {
    if (typeof got !== 'number') return { key, status: 'wrong', got, expected };
    if (truth.stated.some((s) => matchesStatement(got, s))) return { key, status: 'found', got, expected };
    if (truth.stated.length === 0 && matchesStatement(got, { file: '', page: 0, where: '', printed: '', fen: truth.fen, precisionFen: 1 })) {
      return { key, status: 'found', got, expected };
    }
    if (truth.disputed?.some((s) => matchesStatement(got, s))) return { key, status: 'disputed', got, expected };
    return { key, status: 'wrong', got, expected };
  }
  const accepted = [truth.value, ...(truth.alsoAccepted ?? [])];
  return { key, status: accepted.some((a) => sameValue(a, got)) ? 'found' : 'wrong', got, expected };
}

/** Compares the parser's key figures (null when it gave no record) with the document's. */
export function compareFigures(truth: DisclosureTruth, keyFigures: KeyFigures | null): DisclosureReport {
  const got = keyFigures ? flattenKeyFigures(keyFigures) : new Map<string, unknown>();
  const results: FigureResult[] = [];
  for (const [key, t] of Object.entries(truth.figures)) {
    const r = judge(key, t, got.get(key));
    if (t.optional && r.status === 'missing') continue;
    results.push(r);
  }
  for (const [key, v] of got) {
    if (!(key in truth.figures)) results.push({ key, status: 'wrong', got: v, expected: 'not stated' });
  }
  const stated = Object.values(truth.figures).filter((t) => !t.optional).length;
  const count = (s: FigureStatus) => results.filter((r) => r.status === s && !(truth.figures[r.key]?.optional && s === 'found')).length;
  return {
    disclosure: truth.disclosure,
    family: truth.family,
    stated,
    found: count('found'),
    missing: count('missing'),
    wrong: count('wrong'),
    results,
  };
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);

/** A plain-text table, one line per disclosure, then the wrong and missing figures by name. */
export function formatReports(reports: DisclosureReport[]): string {
  const rows = reports.map((r) => `${r.disclosure.padEnd(38)} ${String(r.stated).padStart(6)} ${String(r.found).padStart(6)} ${pct(r.found, r.stated).padStart(8)} ${String(r.wrong).padStart(6)}`);
  const total = reports.reduce((a, r) => ({ stated: a.stated + r.stated, found: a.found + r.found, wrong: a.wrong + r.wrong }), { stated: 0, found: 0, wrong: 0 });
  const lines = [
    `${'disclosure'.padEnd(38)} ${'stated'.padStart(6)} ${'found'.padStart(6)} ${'share'.padStart(8)} ${'WRONG'.padStart(6)}`,
    ...rows,
    `${'total'.padEnd(38)} ${String(total.stated).padStart(6)} ${String(total.found).padStart(6)} ${pct(total.found, total.stated).padStart(8)} ${String(total.wrong).padStart(6)}`,
  ];
  for (const r of reports) {
    const wrong = r.results.filter((x) => x.status === 'wrong' || x.status === 'disputed');
    const missing = r.results.filter((x) => x.status === 'missing').map((x) => x.key);
    if (wrong.length === 0 && missing.length === 0) continue;
    lines.push('', `${r.disclosure}:`);
    for (const w of wrong) lines.push(`  ${w.status.toUpperCase()} ${w.key}: got ${JSON.stringify(w.got)}, document ${JSON.stringify(w.expected)}`);
    if (missing.length) lines.push(`  missing: ${missing.join(', ')}`);
  }
  return lines.join('\n');
}
