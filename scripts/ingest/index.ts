/**
 * The ingest pipeline for one file: reader (readers/) → normalize → sections → extract → tables → validate
 * → record (stages/), with the documents' vocabulary from the templates registry (templates/).
 * `parseDocument` never throws for bad input: it returns diagnostics (file:line: message) instead.
 */
import { createHash } from 'node:crypto';
import { readDocument, readTextual, type ReadDocument } from './readers/index.ts';
import { toLine, type Line } from './stages/normalize.ts';
import { PAGE_NUMBER } from './stages/patterns.ts';
import { buildSections, splitNumber, type ParsedSection } from './stages/sections.ts';
import { familiesOf } from './templates/index.ts';
import type { FamilyDocument } from './templates/hooks.ts';
import {
  ExtractContext, splitPlace, extractAssets, extractDuties, extractExpenditure, extractGeneralBudgetAppropriation,
  extractGlossary, extractGovernmentFund, extractIdentity, extractIncome, extractOperatingExpenses,
  extractPerformance, extractProcurement, extractStructure, extractThreePublic, markTableReferences,
} from './stages/extract/index.ts';
import { extractTables } from './stages/tables.ts';
import { blockSectionsOf } from './stages/block-sections.ts';
import { applyTableFigures, readLayoutTables } from './stages/tables/index.ts';
import { identityFromTables } from './stages/tables/identity.ts';
import { impliedPreviousYear } from './stages/validate.ts';
import { checkRecord } from './checks/index.ts';
import { checkStructure } from './stages/structure-checks.ts';
import { IngestError, type Diagnostic } from './errors.ts';
import { districtSlug, unitSlug } from '../../src/domain/slug.ts';
import { sidecarSchema, type Sidecar } from '../../src/domain/schema/sidecar.ts';
import type { UnitYearRecord } from '../../src/domain/schema/record.ts';
import type { KeyFigures } from '../../src/domain/schema/key-figures.ts';
import type { Section } from '../../src/domain/schema/section.ts';
import type { SourcePart } from '../../src/domain/schema/source-part.ts';

export interface ParseResult {
  /** The record, or null when the file is not a readable disclosure. */
  record: UnitYearRecord | null;
  /** Fatal problems (no record) and structural problems (record kept, but ingest reports them). */
  diagnostics: Diagnostic[];
}

const UNIT_LINE = /^\s*(?:金额)?单位\s*[:：]/;

/**
 * The attached tables' lines, [start, end): from the title above the first tab-separated cell line to the
 * last cell line and the page footers after it. Tables flattened from Word put every cell on its own line
 * starting with a TAB. Narrative after the tables (some documents put the tables first) is still narrative.
 */
export function findTablesRange(lines: Line[]): [number, number] {
  const firstCell = lines.findIndex((l) => l.text.startsWith('\t'));
  if (firstCell < 0) return [lines.length, lines.length];
  let i = firstCell - 1;
  while (i >= 0 && (!lines[i]!.text.trim() || UNIT_LINE.test(lines[i]!.text))) i--;
  // The title may be wrapped over a few adjacent lines; a numbered list item is not part of it.
  let start = i;
  while (start - 1 >= 0 && lines[start - 1]!.text.trim() && !splitNumber(lines[start - 1]!.text.trim())
    && /表|科目|\)$/.test(lines[start - 1]!.text) && firstCell - (start - 1) < 16) start--;
  let lastCell = lines.length - 1;
  while (lastCell > firstCell && !lines[lastCell]!.text.startsWith('\t')) lastCell--;
  let end = lastCell + 1;
  while (end < lines.length && (!lines[end]!.text.trim() || PAGE_NUMBER.test(lines[end]!.text))) end++;
  return [Math.max(0, start), end];
}

/** The contract figures from the structured record. */
function keyFiguresOf(r: Omit<UnitYearRecord, 'keyFigures' | 'id' | 'slug' | 'source' | 'coverage' | 'release' | 'findings' | 'provenance' | 'impliedPreviousYear'>): KeyFigures {
  const source = (key: string) => r.income.sources.find((s) => s.key === key)?.amount ?? null;
  const byFunction: Record<string, number> = {};
  for (const f of r.expenditure.byFunction) byFunction[f.label] = (byFunction[f.label] ?? 0) + f.amount;
  return {
    unit: r.identity.unit,
    year: r.identity.year,
    incomeTotal: r.income.total,
    expenditureTotal: r.expenditure.total,
    generalBudget: source('generalBudget') ?? r.generalBudgetAppropriation.income,
    governmentFund: source('governmentFund') ?? r.governmentFund?.income ?? null,
    // The whole budget's split when the document states it (江苏), else 一般公共预算拨款's.
    basicExpenditure: r.expenditure.byKind?.basic ?? r.generalBudgetAppropriation.basic.amount,
    projectExpenditure: r.expenditure.byKind?.project ?? r.generalBudgetAppropriation.project.amount,
    changeFromPreviousYear: r.generalBudgetAppropriation.change?.amount ?? null,
    expenditureByFunction: byFunction,
    threePublic: {
      total: r.threePublic.total.amount,
      outboundTravel: r.threePublic.outboundTravel.amount,
      reception: r.threePublic.reception.amount,
      vehicleOperation: r.threePublic.vehicleOperation.amount,
      vehiclePurchase: r.threePublic.vehiclePurchase.amount,
    },
    operatingExpenses: r.operatingExpenses?.notInScope ? null : (r.operatingExpenses?.amount ?? null),
    procurement: {
      total: r.procurement?.total ?? null,
      goods: r.procurement?.goods ?? null,
      works: r.procurement?.works ?? null,
      services: r.procurement?.services ?? null,
    },
    vehicles: r.assets?.vehicles.total ?? null,
    glossaryTerms: r.glossary.map((g) => g.term),
    contact: { name: r.contact.name, phone: r.contact.phone },
  };
}

/** Provenance of key figures, mirrored from the structured fields. */
const KEY_FIGURE_PROVENANCE: [string, string][] = [
  ['keyFigures.unit', 'identity.unit'], ['keyFigures.year', 'identity.year'],
  ['keyFigures.incomeTotal', 'income.total'], ['keyFigures.expenditureTotal', 'expenditure.total'],
  ['keyFigures.generalBudget', 'income.sources.generalBudget'], ['keyFigures.governmentFund', 'income.sources.governmentFund'],
  ['keyFigures.basicExpenditure', 'generalBudgetAppropriation.basic'], ['keyFigures.projectExpenditure', 'generalBudgetAppropriation.project'],
  ['keyFigures.changeFromPreviousYear', 'generalBudgetAppropriation.expenditure'],
  ['keyFigures.threePublic.total', 'threePublic.total.amount'], ['keyFigures.operatingExpenses', 'operatingExpenses'],
  ['keyFigures.procurement', 'procurement'], ['keyFigures.vehicles', 'assets'], ['keyFigures.contact', 'contact'],
];

export interface ParseOptions {
  /** Parsed sidecar, if any (see sidecar.ts). */
  sidecar?: Sidecar;
}

/** One file of a disclosure and what its reader made of it. */
export interface ReadPart {
  /** The file, as diagnostics and the record name it (relative to seeds/). */
  file: string;
  bytes: Uint8Array;
  doc: ReadDocument;
}

/**
 * Parses one disclosure given as text or a web page (synchronous: tests, the bench's text corpus). PDF and
 * Word input needs `parseDisclosure`. Never throws for bad input.
 */
export function parseDocument(bytes: Uint8Array, file: string, options: ParseOptions = {}): ParseResult {
  return guarded(file, () => {
    const doc = readTextual(bytes, file);
    return parseParts([{ file, bytes, doc }], file, options);
  });
}

/**
 * Parses one disclosure made of one or more files of any format (text, web page, PDF, Word): their lines
 * one after the other, the explanatory text before files that hold only tables. `name` is the disclosure's
 * name in the record (its folder, or its one file). A file that cannot be read makes the whole disclosure
 * unreadable (its diagnostic names that file). Never throws for bad input.
 */
export async function parseDisclosure(files: { file: string; bytes: Uint8Array }[], name: string, options: ParseOptions = {}): Promise<ParseResult> {
  const parts: ReadPart[] = [];
  const failed: Diagnostic[] = [];
  for (const f of files) {
    try {
      parts.push({ ...f, doc: await readDocument(f.bytes, f.file) });
    } catch (e) {
      if (!(e instanceof IngestError)) throw e;
      failed.push(e.diagnostic);
    }
  }
  if (failed.length) return { record: null, diagnostics: failed };
  return guarded(name, () => parseParts(orderParts(parts), name, options));
}

/** Files that read as narrative (sentences ending in 。) come before files that hold only tables; otherwise in the order given. */
export function orderParts<T extends { doc: ReadDocument }>(parts: T[]): T[] {
  const narrative = (p: T) => p.doc.lines.filter((l) => l.text.includes('。')).length >= 3;
  return [...parts.filter(narrative), ...parts.filter((p) => !narrative(p))];
}

function guarded(file: string, parse: () => ParseResult): ParseResult {
  try {
    return parse();
  } catch (e) {
    if (e instanceof IngestError) return { record: null, diagnostics: [e.diagnostic] };
    // A bug in the parser must not look like bad input, but must not crash the whole ingest either.
    const message = e instanceof Error ? e.message : String(e);
    return { record: null, diagnostics: [{ file, line: 1, kind: 'internal', message: `解析器内部错误（请报告此问题）：${message}` }] };
  }
}

/** The document as the templates' family hooks read it (templates/hooks.ts). */
function familyDocument(lines: Line[], sections: ParsedSection[]): FamilyDocument {
  const kindOf = (i: number): ParsedSection['kind'] => {
    for (let s = i; s >= 0; s = sections[s]!.parent) if (sections[s]!.kind !== 'unknown') return sections[s]!.kind;
    return 'unknown';
  };
  return {
    paras: sections.flatMap((s, i) => s.paras.filter((p) => !p.toc).map((p) => ({
      line: p.line, lines: [p.line, ...(p.more ?? [])], text: p.text.replace(/\s+/g, ''), display: p.display.trim(),
      number: p.number, section: kindOf(i), heading: s.title,
    }))),
    lines: lines.map((l) => l.text.replace(/\s+/g, '')).filter(Boolean),
  };
}

/** The parts' lines as one document (numbered 1… across the parts), and what the record says of each part. */
function joinParts(parts: ReadPart[]): { lines: Line[]; sources: SourcePart[] } {
  const lines: Line[] = [];
  const sources: SourcePart[] = [];
  for (const p of parts) {
    const firstLine = lines.length + 1;
    const pageLines: (number | null)[] = p.doc.pages ? new Array<number | null>(p.doc.pages).fill(null) : [];
    for (const l of p.doc.lines) {
      const line = toLine(l.text, lines.length + 1);
      if (l.page !== null) {
        line.page = l.page;
        pageLines[l.page - 1] ??= line.n;
      }
      if (l.segments) line.segments = l.segments;
      lines.push(line);
    }
    sources.push({
      file: p.file, sha256: sha256(p.bytes), format: p.doc.format, encoding: p.doc.encoding,
      firstLine, lineCount: lines.length - firstLine + 1, pages: p.doc.pages, pageLines, dropped: p.doc.dropped.length,
    });
  }
  return { lines, sources };
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** Diagnostics of a disclosure of several files name the file and its own line. */
function localize(d: Diagnostic, sources: SourcePart[]): Diagnostic {
  if (sources.length < 2) return d;
  const part = sources.findLast((s) => s.firstLine <= d.line) ?? sources[0]!;
  return { ...d, file: part.file, line: Math.max(1, d.line - part.firstLine + 1) };
}

function parseParts(parts: ReadPart[], file: string, options: ParseOptions): ParseResult {
  const { record, diagnostics } = parseOrThrow(parts, file, options);
  const { sources } = record ? { sources: record.source.parts ?? [] } : joinParts(parts);
  return { record, diagnostics: diagnostics.map((d) => localize(d, sources)) };
}

function parseOrThrow(files: ReadPart[], file: string, options: ParseOptions): ParseResult {
  const { lines, sources } = joinParts(files);
  const single = files.length === 1 ? files[0]! : null;
  const encoding = [...new Set(files.map((p) => p.doc.encoding))].join('+');
  const nonBlank = lines.filter((l) => l.text.trim());
  if (nonBlank.length === 0) throw new IngestError(file, 1, 'empty', '文件只有空白，没有内容；应为预算公开说明的文本');

  const [tablesStart, tablesEnd] = findTablesRange(lines);
  // Tables laid out in columns are read first; their lines are blanked for the narrative stages, so a
  // table row is never read as a sentence (nor a figure borrowed from one).
  const layout = readLayoutTables(lines, [tablesStart, tablesEnd], 1);
  const narrative = layout.used.size === 0 ? lines : lines.map((l) => (layout.used.has(l.n) ? { n: l.n, display: '', text: '' } : l));
  const { sections, headingLines } = buildSections(narrative, 0, narrative.length, [tablesStart, tablesEnd]);
  const ctx = new ExtractContext(narrative, sections);
  for (const n of headingLines) ctx.use(n);
  for (const n of layout.used) ctx.use(n);

  const identity = extractIdentity(ctx);
  const doc = familyDocument(narrative, sections);
  const families = familiesOf(doc);
  for (const t of families) {
    // The family's own title or first sentence names the unit when the generic identity found none, or found
    // it cut short (a table's "部门名称：江苏省人大" wrapped before "常委会办公厅").
    const found = t.identity?.(doc);
    if (found && (!identity.unit || (found.unit !== identity.unit && found.unit.startsWith(identity.unit)))) {
      const place = splitPlace(found.unit);
      Object.assign(identity, { unit: found.unit, city: place.city, district: place.district });
      if (!identity.year && found.year) identity.year = found.year;
      for (const n of found.lines) ctx.use(n);
      ctx.prov('identity.unit', found.lines[0]);
      break;
    }
  }
  // A file of attached tables alone: its tables' headings (部门：…) and year-titled tables name it.
  if (!identity.unit || !identity.year) {
    const fromTables = identityFromTables(lines);
    if (!identity.unit && fromTables.unit) {
      const place = splitPlace(fromTables.unit);
      Object.assign(identity, { unit: fromTables.unit, city: place.city, district: place.district });
      ctx.prov('identity.unit', fromTables.unitLine);
    }
    if (!identity.year && fromTables.year) {
      identity.year = fromTables.year;
      ctx.prov('identity.year', fromTables.yearLine);
    }
  }
  const structural = checkStructure(file, narrative, sections, identity.year, identity.unit, layout.tables.length);
  if (structural.fatal) return { record: null, diagnostics: structural.diagnostics };

  const duties = extractDuties(ctx);
  const structure = extractStructure(ctx);
  const income = extractIncome(ctx);
  const expenditure = extractExpenditure(ctx);
  const generalBudgetAppropriation = extractGeneralBudgetAppropriation(ctx);
  const governmentFund = extractGovernmentFund(ctx);
  const threePublic = extractThreePublic(ctx);
  const operatingExpenses = extractOperatingExpenses(ctx);
  const procurement = extractProcurement(ctx);
  const performance = extractPerformance(ctx);
  const assets = extractAssets(ctx);
  const glossary = extractGlossary(ctx);
  markTableReferences(ctx);
  const parts = { income, expenditure, generalBudgetAppropriation, governmentFund, threePublic, operatingExpenses, procurement, assets };
  for (const t of families) t.refine?.(doc, parts, { use: (n) => ctx.use(n), prov: (path, n) => ctx.prov(path, n) });

  const tablesResult = extractTables(lines, tablesStart, tablesEnd);
  for (const n of tablesResult.used) ctx.use(n);
  if (layout.tables.length > 0) {
    const offset = tablesResult.tables.length;
    layout.tables.forEach((t, k) => tablesResult.tables.push({ ...t, id: `t${offset + k + 1}` }));
  }

  const { contact, ...identityFields } = identity;
  const outline: Section[] = sections
    .filter((s) => s.kind !== 'preamble' || s.paras.length)
    .map((s) => ({
      id: s.id, kind: s.kind, depth: s.depth, number: s.number, title: s.title, line: s.line,
      paragraphs: s.paras.map((p) => ({ text: (p.number ? `${p.number}` : '') + p.display, line: p.line, ...(p.more ? { more: p.more } : {}) })),
    }));

  const body = {
    identity: identityFields,
    sections: outline,
    duties, structure, income, expenditure, generalBudgetAppropriation, governmentFund: parts.governmentFund, threePublic,
    operatingExpenses: parts.operatingExpenses, procurement: parts.procurement, performance, assets: parts.assets, glossary,
    tables: tablesResult.tables,
    performanceTargets: tablesResult.performanceTargets,
    contact,
  };
  const keyFigures = keyFiguresOf(body);
  for (const [kf, from] of KEY_FIGURE_PROVENANCE) if (ctx.provenance[from]) ctx.prov(kf, ctx.provenance[from]);
  for (const f of expenditure.byFunction) ctx.prov(`keyFigures.expenditureByFunction.${f.label}`, expenditure.line);
  const tableFindings = layout.tables.length === 0 ? [] : [
    ...layout.findings,
    ...applyTableFigures(keyFigures, layout.figures, (path, line) => ctx.prov(path, line), (path) => textLineOf(ctx.provenance, path)),
  ];

  const roundingAdmitted = lines.some((l) => /四舍五入/.test(l.text));
  const draft = { ...body, keyFigures, impliedPreviousYear: null, findings: [], provenance: {} };
  const findings = [
    ...structural.findings,
    ...ctx.findings,
    ...tablesResult.findings,
    ...tableFindings,
    ...checkRecord(draft, roundingAdmitted),
  ];
  const implied = impliedPreviousYear(draft);

  const unrecognised = lines
    .filter((l) => l.text.trim() && !ctx.used.has(l.n))
    .map((l) => ({ line: l.n, text: l.display.trim() }));

  const district = districtSlug(identity.district, identity.city);
  const unit = unitSlug(identity.unit, identity.city, identity.district);
  const sidecar = options.sidecar ?? sidecarSchema.parse({});
  const record: UnitYearRecord = {
    id: `${district}/${unit}/${identity.year}`,
    slug: { district, unit },
    source: {
      file,
      sha256: single ? sha256(single.bytes) : sha256(sources.map((p) => p.sha256).join('\n')),
      encoding,
      lines: lines.map((l) => l.display),
      ...(single && single.doc.format === 'text' ? {} : { parts: sources }),
    },
    identity: identityFields,
    keyFigures,
    coverage: { lines: lines.length, unrecognised },
    sections: outline,
    blockSections: blockSectionsOf(body, sections),
    duties, structure, income, expenditure, generalBudgetAppropriation, governmentFund: parts.governmentFund, threePublic,
    operatingExpenses: parts.operatingExpenses, procurement: parts.procurement, performance, assets: parts.assets, glossary,
    tables: tablesResult.tables,
    performanceTargets: tablesResult.performanceTargets,
    contact,
    impliedPreviousYear: implied,
    findings: sortFindings([...findings, ...coverageFindings(unrecognised, nonBlank.length)]),
    provenance: sortKeys(ctx.provenance),
    release: sidecar,
  };
  return { record, diagnostics: structural.diagnostics };
}

/** Unrecognised lines beyond this share of the non-blank lines (and at least MIN_UNRECOGNISED) make a warning. */
const UNRECOGNISED_SHARE = 0.1;
const MIN_UNRECOGNISED = 20;

/** Never silently incomplete: a document with many unrecognised lines says so, naming the first of them. */
function coverageFindings(unrecognised: { line: number }[], nonBlank: number): UnitYearRecord['findings'] {
  if (unrecognised.length < MIN_UNRECOGNISED || unrecognised.length < nonBlank * UNRECOGNISED_SHARE) return [];
  const first = unrecognised.slice(0, 10).map((u) => u.line);
  return [{
    severity: 'warning', code: 'coverage.unrecognised',
    message: `${nonBlank}行文字中有${unrecognised.length}行未能识别（第${first.join('、')}行${unrecognised.length > first.length ? '等' : ''}），其中的数字未被读取，请核对`,
    line: first[0] ?? null,
  }];
}

/** The text line a key figure was stated on (its own provenance or its group's, e.g. keyFigures.threePublic.total → keyFigures.threePublic.total). */
function textLineOf(provenance: Record<string, number>, path: string): number | null {
  if (provenance[path]) return provenance[path]!;
  const group = path.slice(0, path.lastIndexOf('.'));
  return group.includes('.') ? (provenance[group] ?? null) : null;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
function sortFindings<T extends { severity: keyof typeof SEVERITY_ORDER; line: number | null; code: string }>(f: T[]): T[] {
  return [...f].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code));
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
