/** Schema-valid records for tests: a minimal record with overrides. */
import { recordSchema, type UnitYearRecord } from '../../domain/schema/record.ts';
import type { ImpliedPreviousYear } from '../../domain/schema/implied-previous-year.ts';
import type { KeyFigures } from '../../domain/schema/key-figures.ts';

/** Options for a test record. */
export interface RecordSpec {
  district?: string;
  districtName?: string | null;
  unit?: string;
  unitName?: string;
  year?: number;
  incomeTotal?: number | null;
  status?: 'draft' | 'published';
  publishAt?: string | null;
  /** Replaces key figures (after the defaults). */
  keyFigures?: Partial<KeyFigures>;
  impliedPreviousYear?: ImpliedPreviousYear | null;
}

/** Builds a valid UnitYearRecord (parsed by recordSchema, so tests fail if the schema moves). */
export function makeRecord(spec: RecordSpec = {}): UnitYearRecord {
  const district = spec.district ?? 'kaizhou';
  const unit = spec.unit ?? 'zhengwu';
  const year = spec.year ?? 2026;
  const unitName = spec.unitName ?? '重庆市开州区政务信息中心';
  const total = spec.incomeTotal === undefined ? 14_839_600 : spec.incomeTotal;
  const item = { amount: null, change: null, inferred: false, line: null };
  const part = { amount: null, change: null, purpose: null, line: null };
  return recordSchema.parse({
    id: `${district}/${unit}/${year}`,
    slug: { district, unit },
    source: { file: `${unit}.txt`, sha256: '0'.repeat(64), encoding: 'utf-8', lines: ['标题'] },
    identity: {
      unit: unitName, city: '重庆市', district: spec.districtName === undefined ? '开州区' : spec.districtName,
      parentDepartment: null, budgetKind: 'unitBudget', year, documentNumber: null, signer: null, noticeKind: null,
      title: null, approvalDocument: null, publicationDate: null,
    },
    keyFigures: {
      unit: unitName, year, incomeTotal: total, expenditureTotal: total, generalBudget: null, governmentFund: null,
      basicExpenditure: null, projectExpenditure: null, changeFromPreviousYear: null, expenditureByFunction: {},
      threePublic: { total: null, outboundTravel: null, reception: null, vehicleOperation: null, vehiclePurchase: null },
      operatingExpenses: null, procurement: { total: null, goods: null, works: null, services: null }, vehicles: null,
      glossaryTerms: [], contact: { name: null, phone: null },
      ...spec.keyFigures,
    },
    coverage: { lines: 1, unrecognised: [] },
    sections: [], duties: [], structure: { text: [], internalDivisions: [], subordinateUnits: [] },
    income: { total, carriedForward: null, sources: [], change: null, line: null },
    expenditure: { total, byFunction: [], change: null, basicChange: null, projectChange: null, line: null },
    generalBudgetAppropriation: { income: null, expenditure: null, change: null, basic: part, project: part, basicBreakdown: null, line: null },
    governmentFund: null,
    threePublic: { total: item, outboundTravel: item, reception: item, vehicleOperation: item, vehiclePurchase: item },
    operatingExpenses: null, procurement: null, performance: null, assets: null,
    glossary: [], tables: [], performanceTargets: [],
    contact: { name: null, phone: null, line: null },
    impliedPreviousYear: spec.impliedPreviousYear ?? null, findings: [], provenance: {},
    release: { status: spec.status ?? 'published', publishAt: spec.publishAt ?? null, acknowledgements: [], corrections: [] },
  });
}
