/**
 * The tables a reader sees that are built from the narrative (not printed as tables in the document):
 * income by source, expenditure by function class and “三公”经费. One definition serves both the HTML
 * components and the CSV downloads, so the page and the download can never disagree.
 */
import type { UnitYearRecord } from '../../domain/schema/record.ts';
import type { Change } from '../../domain/schema/change.ts';
import type { ThreePublic } from '../../domain/schema/three-public.ts';
import { hasBlock } from '../../domain/blocks.ts';
import { firstLine, provenanceLine } from './source-line.ts';
import { THREE_PUBLIC, THREE_PUBLIC_ITEMS } from '../../domain/terms/three-public.ts';

/** One row of a narrative table: a label and 元 amounts with the line each was read from. */
export interface NarrativeRow {
  label: string;
  /** Amount in 元, or null when the document does not state it. */
  amount: number | null;
  line: number | null;
  /** 上年结转 in 元 (income only), or null. */
  carriedForward: number | null;
  /** Stated change vs the previous year, or null. */
  change: Change | null;
  /** True when the amount was inferred, not printed (三公 items). */
  inferred: boolean;
  /** True for the total row. */
  total: boolean;
}

const row = (r: Partial<NarrativeRow> & Pick<NarrativeRow, 'label'>): NarrativeRow => ({
  amount: null, line: null, carriedForward: null, change: null, inferred: false, total: false, ...r,
});

/** Income by source (年初预算数, 上年结转) followed by the total row. Empty when nothing is stated. */
export function incomeRows(record: UnitYearRecord): NarrativeRow[] {
  const { income } = record;
  if (!hasBlock(record, 'income')) return [];
  return [
    ...income.sources.map((s) => row({
      label: s.label, amount: s.amount, line: s.line, carriedForward: s.carriedForward ?? null,
    })),
    row({
      label: '收入合计', amount: income.total, carriedForward: income.carriedForward, change: income.change,
      line: firstLine(provenanceLine(record, 'income.total'), income.line), total: true,
    }),
  ];
}

/** Expenditure by function class (类) followed by the total row. Empty when nothing is stated. */
export function functionRows(record: UnitYearRecord): NarrativeRow[] {
  const { expenditure } = record;
  if (!hasBlock(record, 'function')) return [];
  return [
    ...expenditure.byFunction.map((f) => row({ label: f.label, amount: f.amount, line: f.line })),
    row({
      label: '支出合计', amount: expenditure.total, change: expenditure.change,
      line: firstLine(provenanceLine(record, 'expenditure.total'), expenditure.line), total: true,
    }),
  ];
}

/** “三公”经费 items followed by the total row. */
export function threePublicRows(record: UnitYearRecord): NarrativeRow[] {
  const tp = record.threePublic;
  const item = (key: keyof ThreePublic, label: string, total: boolean): NarrativeRow => row({
    label, total, amount: tp[key].amount, change: tp[key].change, inferred: tp[key].inferred,
    line: firstLine(tp[key].line, provenanceLine(record, `threePublic.${key}.amount`)),
  });
  return [
    ...THREE_PUBLIC_ITEMS.map(([key, label]) => item(key, label, false)),
    item('total', `${THREE_PUBLIC}合计`, true),
  ];
}
