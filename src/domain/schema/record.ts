import { z } from 'astro/zod';
import { identitySchema } from './identity.ts';
import { keyFiguresSchema } from './key-figures.ts';
import { coverageSchema } from './coverage.ts';
import { sectionSchema } from './section.ts';
import { dutiesSchema, structureSchema } from './organisation.ts';
import {
  assetsSchema, expenditureSchema, generalBudgetAppropriationSchema, governmentFundSchema, incomeSchema,
  operatingExpensesSchema, performanceSchema, procurementSchema, threePublicSchema,
} from './budget.ts';
import { glossaryEntrySchema } from './glossary-entry.ts';
import { tableSchema } from './table.ts';
import { performanceTargetSchema } from './performance-target.ts';
import { findingSchema } from './finding.ts';
import { releaseSchema } from './release.ts';

const yuan = z.number().int().nullable();

/** Previous-year figures implied by this document's "比上年增加X" statements. */
export const impliedPreviousYearSchema = z.object({
  /** The year the statements compare with. */
  year: z.number().int(),
  incomeTotal: yuan,
  expenditureTotal: yuan,
  /** 一般公共预算财政拨款支出. */
  generalBudget: yuan,
  basicExpenditure: yuan,
  projectExpenditure: yuan,
  threePublic: yuan,
});
export type ImpliedPreviousYear = z.infer<typeof impliedPreviousYearSchema>;

/** One unit's disclosure for one year: everything the document says, in structure. */
export const recordSchema = z.object({
  /** `<district>/<unit>/<year>`, ASCII; stable across re-ingests. */
  id: z.string(),
  /** ASCII slugs from the names (pinyin). */
  slug: z.object({ district: z.string(), unit: z.string() }),
  /** Source file name (relative to seeds/), SHA-256 of its bytes, detected encoding. */
  source: z.object({
    file: z.string(),
    sha256: z.string(),
    encoding: z.string(),
    /** The decoded text, one entry per line (line n is index n-1). */
    lines: z.array(z.string()),
  }),
  identity: identitySchema,
  /** The contract figures (issue 2). */
  keyFigures: keyFiguresSchema,
  /** Every non-blank line used or listed. */
  coverage: coverageSchema,
  /** The document's headings and paragraphs in order. */
  sections: z.array(sectionSchema),
  duties: z.array(dutiesSchema),
  structure: structureSchema,
  income: incomeSchema,
  expenditure: expenditureSchema,
  generalBudgetAppropriation: generalBudgetAppropriationSchema,
  governmentFund: governmentFundSchema.nullable(),
  threePublic: threePublicSchema,
  operatingExpenses: operatingExpensesSchema.nullable(),
  procurement: procurementSchema.nullable(),
  performance: performanceSchema.nullable(),
  assets: assetsSchema.nullable(),
  glossary: z.array(glossaryEntrySchema),
  tables: z.array(tableSchema),
  performanceTargets: z.array(performanceTargetSchema),
  contact: z.object({ name: z.string().nullable(), phone: z.string().nullable(), line: z.number().int().positive().nullable() }),
  /** Figures of the previous year implied by the stated changes, or null. */
  impliedPreviousYear: impliedPreviousYearSchema.nullable(),
  /** Data checks. */
  findings: z.array(findingSchema),
  /** Source line of each extracted value, by dotted field path (e.g. `keyFigures.incomeTotal`). */
  provenance: z.record(z.string(), z.number().int().positive()),
  /** Release state from the sidecar. */
  release: releaseSchema,
});
export type UnitYearRecord = z.infer<typeof recordSchema>;
