/**
 * crossYear.previous-mismatch: a figure this document's stated change implies for the year compared with
 * (this year's figure less the change) differs from that year's own record — the document's change and the
 * previous year's published record disagree. Compared only with a previous record shown wherever this one
 * is (`shownWherever`): a draft's figures never reach a published page, not even in a finding.
 */
import { shownWherever } from '../../../src/domain/release.ts';
import type { ImpliedPreviousYear } from '../../../src/domain/schema/implied-previous-year.ts';
import type { UnitYearRecord } from '../../../src/domain/schema/record.ts';
import { THREE_PUBLIC } from '../../../src/domain/terms/three-public.ts';
import type { Check, CodedFinding } from './types.ts';
import { wan } from './words.ts';

type Stated = { line: number | null } | null;

/** The fields of a record the checks across years read, nothing else (the ingest keeps only these per record). */
export interface CrossYearRecord {
  id: string;
  slug: UnitYearRecord['slug'];
  identity: { year: number };
  impliedPreviousYear: UnitYearRecord['impliedPreviousYear'];
  income: { total: number | null; change: Stated };
  expenditure: { total: number | null; change: Stated };
  generalBudgetAppropriation: {
    expenditure: number | null; change: Stated;
    basic: { amount: number | null; change: Stated };
    project: { amount: number | null; change: Stated };
  };
  threePublic: { total: { amount: number | null; change: Stated } };
  /** Which builds show the record. */
  release: { status: 'draft' | 'published'; publishAt: string | null };
}

/** A record and the record of its unit for the year its changes are compared with (null when there is none). */
export interface CrossYearPair {
  record: CrossYearRecord;
  previous: CrossYearRecord | null;
}

/** Each implied figure: its label, the figure in a record, and the line of the change it is implied from. */
const FIGURES: readonly [Exclude<keyof ImpliedPreviousYear, 'year'>, string, (r: CrossYearRecord) => number | null, (r: CrossYearRecord) => number | null][] = [
  ['incomeTotal', '收入预算', (r) => r.income.total, (r) => r.income.change?.line ?? null],
  ['expenditureTotal', '支出预算', (r) => r.expenditure.total, (r) => r.expenditure.change?.line ?? null],
  ['generalBudget', '一般公共预算财政拨款支出', (r) => r.generalBudgetAppropriation.expenditure, (r) => r.generalBudgetAppropriation.change?.line ?? null],
  ['basicExpenditure', '基本支出', (r) => r.generalBudgetAppropriation.basic.amount, (r) => r.generalBudgetAppropriation.basic.change?.line ?? null],
  ['projectExpenditure', '项目支出', (r) => r.generalBudgetAppropriation.project.amount, (r) => r.generalBudgetAppropriation.project.change?.line ?? null],
  ['threePublic', THREE_PUBLIC, (r) => r.threePublic.total.amount, (r) => r.threePublic.total.change?.line ?? null],
];

// Examples: a unit's 2026 document (收入 160.00万元, 比2025年增加10.00万元) and its 2025 record.
const at = (line: number) => ({ line });
const unit = (year: number, incomeTotal: number, release: CrossYearRecord['release'] = { status: 'published', publishAt: null }, implied: ImpliedPreviousYear | null = null): CrossYearRecord => ({
  id: `kaizhou/zhengwuxinxizhongxin/${year}`, slug: { district: 'kaizhou', unit: 'zhengwuxinxizhongxin' }, identity: { year },
  impliedPreviousYear: implied,
  income: { total: incomeTotal, change: implied ? at(11) : null }, expenditure: { total: null, change: null },
  generalBudgetAppropriation: { expenditure: null, change: null, basic: { amount: null, change: null }, project: { amount: null, change: null } },
  threePublic: { total: { amount: null, change: null } },
  release,
});
const implies = (incomeTotal: number): ImpliedPreviousYear =>
  ({ year: 2025, incomeTotal, expenditureTotal: null, generalBudget: null, basicExpenditure: null, projectExpenditure: null, threePublic: null });
const y2026 = (release?: CrossYearRecord['release']) => unit(2026, 1_600_000, release, implies(1_500_000));

export const crossYearPreviousMismatch: Check<CrossYearPair> = {
  codes: ['crossYear.previous-mismatch'],
  description: 'The previous-year figures this document’s stated changes imply equal that year’s record, when it is shown wherever this one is.',
  run: ({ record: r, previous: prev }) => {
    const imp = r.impliedPreviousYear;
    if (!imp || !prev || prev.identity.year !== imp.year || prev.slug.district !== r.slug.district || prev.slug.unit !== r.slug.unit) return [];
    if (!shownWherever(prev.release, r.release)) return [];
    return FIGURES.flatMap(([key, label, figure, lineOf]): CodedFinding[] => {
      const implied = imp[key];
      const actual = figure(prev);
      if (implied === null || actual === null || implied === actual) return [];
      return [{
        severity: 'warning', code: 'crossYear.previous-mismatch',
        message: `按本文件“比${imp.year}年增减”推算，${imp.year}年${label}应为${wan(implied)}，但${imp.year}年公开文件为${wan(actual)}`,
        line: lineOf(r),
      }];
    });
  },
  pass: [
    { name: 'the change agrees with the previous record', input: { record: y2026(), previous: unit(2025, 1_500_000) } },
    { name: 'no previous record', input: { record: y2026(), previous: null } },
    { name: 'a published record is never compared with a draft', input: { record: y2026(), previous: unit(2025, 1_400_000, { status: 'draft', publishAt: null }) } },
    {
      name: 'nor with a record embargoed until after it',
      input: { record: y2026({ status: 'published', publishAt: '2026-03-01' }), previous: unit(2025, 1_400_000, { status: 'published', publishAt: '2026-04-01' }) },
    },
  ],
  fail: [
    {
      name: 'the document’s change and the previous record disagree',
      input: { record: y2026(), previous: unit(2025, 1_400_000) },
      findings: [{ severity: 'warning', code: 'crossYear.previous-mismatch', message: '按本文件“比2025年增减”推算，2025年收入预算应为150.00万元，但2025年公开文件为140.00万元', line: 11 }],
    },
    {
      name: 'a draft is compared with anything (it is shown only in previews, which show everything)',
      input: { record: y2026({ status: 'draft', publishAt: null }), previous: unit(2025, 1_400_000, { status: 'draft', publishAt: null }) },
      findings: [{ severity: 'warning', code: 'crossYear.previous-mismatch', message: '按本文件“比2025年增减”推算，2025年收入预算应为150.00万元，但2025年公开文件为140.00万元', line: 11 }],
    },
  ],
};
