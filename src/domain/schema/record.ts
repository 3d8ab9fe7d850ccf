import { z } from 'astro/zod';
import { identitySchema } from './identity.ts';
import { keyFiguresSchema } from './key-figures.ts';
import { coverageSchema } from './coverage.ts';
import { sourcePartSchema } from './source-part.ts';
import { sectionSchema } from './section.ts';
import { blockSectionsSchema } from './block-sections.ts';
import { dutiesSchema } from './duties.ts';
import { structureSchema } from './structure.ts';
import { incomeSchema } from './income.ts';
import { expenditureSchema } from './expenditure.ts';
import { generalBudgetAppropriationSchema } from './general-budget-appropriation.ts';
import { governmentFundSchema } from './government-fund.ts';
import { threePublicSchema } from './three-public.ts';
import { operatingExpensesSchema } from './operating-expenses.ts';
import { procurementSchema } from './procurement.ts';
import { performanceSchema } from './performance.ts';
import { assetsSchema } from './assets.ts';
import { glossaryEntrySchema } from './glossary-entry.ts';
import { tableSchema } from './table.ts';
import { performanceTargetSchema } from './performance-target.ts';
import { impliedPreviousYearSchema } from './implied-previous-year.ts';
import { findingSchema } from './finding.ts';
import { releaseSchema } from './release.ts';
import { revisionSchema } from './revision.ts';

/** One unit's disclosure for one year: everything the document says, in structure. */
export const recordSchema = z.object({
  /** `<district>/<unit>/<year>`, ASCII; stable across re-ingests. */
  id: z.string(),
  /** ASCII slugs from the names (pinyin). */
  slug: z.object({
    /** Pinyin of the district without 区/县/旗 (kaizhou); of the city/province when there is no district. */
    district: z.string(),
    /** Pinyin of the unit name without its city and district prefix (zhengwuxinxizhongxin). */
    unit: z.string(),
  }),
  /** The source file and its decoded text. */
  source: z.object({
    /** Source file name, relative to seeds/. */
    file: z.string(),
    /** SHA-256 of the file's bytes, lower-case hex. */
    sha256: z.string(),
    /** Detected encoding (utf-8, utf-8-bom, gb18030, utf-16le…). */
    encoding: z.string(),
    /** The decoded text, one entry per line (line n is index n-1). */
    lines: z.array(z.string()),
    /**
     * The files of a disclosure read from a PDF, Word document or web page, or published as several files
     * (`file` is then their folder), in the order of `lines`. Absent for a disclosure that is one text file.
     */
    parts: z.array(sourcePartSchema).optional(),
  }),
  /** Who published the disclosure, for which year. */
  identity: identitySchema,
  /** The contract figures (issue 2). */
  keyFigures: keyFiguresSchema,
  /** Every non-blank line used or listed. */
  coverage: coverageSchema,
  /** The document's headings and paragraphs in order. */
  sections: z.array(sectionSchema),
  /**
   * The section each structured block (income, 三公, glossary…) was read from, so pages place it there (see
   * block-sections.ts). Absent in records written before it existed: pages then place blocks by section kind.
   */
  blockSections: blockSectionsSchema.optional(),
  /** 职能职责: one group for the document's unit, one per subordinate unit with its own list; empty when absent. */
  duties: z.array(dutiesSchema),
  /** 单位构成 / 机构设置 (empty lists when the document has no such section). */
  structure: structureSchema,
  /** 收入预算 (all null when the document has no income paragraph). */
  income: incomeSchema,
  /** 支出预算 (all null when the document has no expenditure paragraph). */
  expenditure: expenditureSchema,
  /** 一般公共预算财政拨款 explanation (all null when absent). */
  generalBudgetAppropriation: generalBudgetAppropriationSchema,
  /** 政府性基金预算 statement, or null when the document does not mention 政府性基金. */
  governmentFund: governmentFundSchema.nullable(),
  /** “三公”经费 (items null when not stated). */
  threePublic: threePublicSchema,
  /** 机关运行经费, or null when the document does not mention it. */
  operatingExpenses: operatingExpensesSchema.nullable(),
  /** 政府采购, or null when the document has no 政府采购 paragraph with an amount. */
  procurement: procurementSchema.nullable(),
  /** 绩效目标设置情况, or null when not mentioned. */
  performance: performanceSchema.nullable(),
  /** 国有资产占有使用情况 (vehicles), or null when not mentioned. */
  assets: assetsSchema.nullable(),
  /** 专业性名词解释 in document order. */
  glossary: z.array(glossaryEntrySchema),
  /** Attached tables (附表) in document order. */
  tables: z.array(tableSchema),
  /** 项目绩效目标表 forms in document order. */
  performanceTargets: z.array(performanceTargetSchema),
  /** 联系人 and 联系方式. */
  contact: z.object({
    /** 联系人 as written, or null. */
    name: z.string().nullable(),
    /** 联系方式 / 电话 without spaces, or null. */
    phone: z.string().nullable(),
    /** 1-based source line of the contact sentence, or null when the document has none. */
    line: z.number().int().positive().nullable(),
  }),
  /** Figures of the previous year implied by the stated changes, or null. */
  impliedPreviousYear: impliedPreviousYearSchema.nullable(),
  /** Data checks. */
  findings: z.array(findingSchema),
  /** Source line of each extracted value, by dotted field path (e.g. `keyFigures.incomeTotal`). */
  provenance: z.record(z.string(), z.number().int().positive()),
  /** Release state from the sidecar. */
  release: releaseSchema,
  /** Absent for an original disclosure; for a re-issue (更正稿), which version it is and what it replaces. */
  revision: revisionSchema.optional(),
});
export type UnitYearRecord = z.infer<typeof recordSchema>;
