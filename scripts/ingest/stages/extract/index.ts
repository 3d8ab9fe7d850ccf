/**
 * Stage 3 — extract: sections and paragraphs → structured fields, one topic per module.
 *
 * Each extractor reads its topic only in the sections that own it (by the section's name, or by the
 * sentence's own vocabulary within the related sections); a figure found nowhere else is missing, never
 * borrowed from another section. Extractors record the source line of every value in `provenance` and mark
 * the lines they used in `used` (context.ts).
 */
export { ExtractContext } from './context.ts';
export { extractIdentity, splitPlace } from './identity.ts';
export { extractDuties, extractStructure } from './organisation.ts';
export { extractIncome } from './income.ts';
export { extractExpenditure } from './expenditure.ts';
export { extractGeneralBudgetAppropriation } from './general-budget.ts';
export { extractGovernmentFund } from './government-fund.ts';
export { extractThreePublic } from './three-public.ts';
export { extractOperatingExpenses } from './operating-expenses.ts';
export { extractProcurement } from './procurement.ts';
export { extractPerformance } from './performance.ts';
export { extractAssets } from './assets.ts';
export { extractGlossary } from './glossary.ts';
export { markTableReferences } from './table-references.ts';
