/**
 * What the checks of one document read: the record's figures and attached tables (and the budget year).
 * `recordExample` builds one for the checks' examples from only the figures an example is about; every
 * other figure is missing, as in a document that does not state it.
 */
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';
import type { Change } from '../../../src/domain/schema/change.ts';

export type CheckedRecord = Pick<UnitYearRecord,
  'income' | 'expenditure' | 'generalBudgetAppropriation' | 'threePublic' | 'operatingExpenses' | 'procurement' | 'performance' | 'tables'>
  & { identity: { year: number } };

/** The input of a check of one document: the record, and whether its text admits rounding (因四舍五入…). */
export interface RecordInput {
  record: CheckedRecord;
  roundingAdmitted: boolean;
}

/** Any part of a record: an object that may be null (a 政府采购 paragraph, say) is given whole or not at all. */
type Figures<T> = {
  [K in keyof T]?: null extends T[K] ? T[K] : T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? Figures<T[K]> : T[K];
};

const item = () => ({ amount: null, change: null, inferred: false, line: null });
const part = () => ({ amount: null, change: null, purpose: null, line: null });

/** A 2026 record in which nothing is stated. */
const blank = (): CheckedRecord => ({
  identity: { year: 2026 },
  income: { total: null, carriedForward: null, sources: [], change: null, line: null },
  expenditure: { total: null, byFunction: [], change: null, basicChange: null, projectChange: null, line: null },
  generalBudgetAppropriation: { income: null, expenditure: null, change: null, basic: part(), project: part(), basicBreakdown: null, line: null },
  threePublic: { total: item(), outboundTravel: item(), reception: item(), vehicleOperation: item(), vehiclePurchase: item() },
  operatingExpenses: null, procurement: null, performance: null, tables: [],
});

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(base: unknown, over: unknown): unknown {
  if (!isPlain(base) || !isPlain(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) if (v !== undefined) out[k] = merge(base[k], v);
  return out;
}

/** A record stating only `figures` (merged into a blank 2026 record; arrays and null replace). */
export const recordExample = (figures: Figures<CheckedRecord>, roundingAdmitted = false): RecordInput =>
  ({ record: merge(blank(), figures) as CheckedRecord, roundingAdmitted });

/** A stated change: `amount` 元 compared with `comparedYear`, on `line`. */
export const stated = (amount: number | null, line: number, comparedYear: number | null = 2025): Change =>
  ({ amount, comparedYear, reason: null, line });
