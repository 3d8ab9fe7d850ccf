/**
 * Chart data: pure functions from records to `ChartSpec`s, the JSON a page embeds for src/client/charts.ts.
 * Every value is an amount of the record (integer 元, or a table cell's integer 分) converted to a 万元
 * number for display only; nothing is added or rounded here. A figure that no document prints but that
 * follows from a stated change (比上年增加X) is flagged `derived` and its label says 推算.
 *
 * Builders return null (or no spec) when a chart would say nothing: fewer than two values to compare, or
 * only zeros. The tables on the page always carry the same numbers.
 */
import type { UnitYearRecord } from '../domain/schema/record.ts';
import type { RecordSummary } from '../domain/record-summary.ts';
import type { Table } from '../domain/schema/table.ts';
import type { TableRow } from '../domain/schema/table-row.ts';
import type { ThreePublic } from '../domain/schema/three-public.ts';
import { yuanToWanNumber } from '../domain/money.ts';
import { DERIVED_SUFFIX } from './format.ts';
import { THREE_PUBLIC_ITEMS } from '../domain/terms/three-public.ts';
import { budgetTotal, keyFigureField, type KeyFigureField } from '../domain/key-figures.ts';
import { unitYearColumns, type YearColumn } from '../lib/unit-history.ts';
import { sortYearRecords, yearSortLabels, yearSortValue } from '../lib/year-table.ts';
import type { YearSort } from '../lib/routes.ts';
import type { ChartDataset, ChartSpec } from './spec.ts';

const UNIT = '万元' as const;

/** 元 → 万元 number; null stays null. */
const wan = (yuan: number | null | undefined): number | null =>
  yuan === null || yuan === undefined ? null : yuanToWanNumber(yuan);

/** 分 → 万元 number (display only). */
const wanFromFen = (fen: number): number => yuanToWanNumber(fen / 100);

/** A dataset; `derived` is kept only when some value is derived. */
function dataset(label: string, values: Array<number | null>, derived?: boolean[]): ChartDataset {
  return derived?.some(Boolean) ? { label, values, derived } : { label, values };
}

/** True when the chart has some non-zero value to show. */
const hasSubstance = (datasets: readonly ChartDataset[]): boolean =>
  datasets.some((d) => d.values.some((v) => v !== null && v !== 0));

const yearLabel = (year: number, derived: boolean): string => `${year}年${derived ? DERIVED_SUFFIX : ''}`;

/** 支出预算 by function class (类), in document order; classes of zero are left out. */
export function functionClassChart(record: UnitYearRecord): ChartSpec | null {
  const classes = record.expenditure.byFunction.filter((f) => f.amount !== 0);
  if (classes.length < 2) return null;
  const { year } = record.identity;
  return {
    id: 'chart-function',
    kind: 'horizontalBar',
    title: `${year}年支出预算（按功能分类）`,
    labels: classes.map((f) => f.label),
    datasets: [dataset(`${year}年预算数`, classes.map((f) => wan(f.amount)))],
    unit: UNIT,
  };
}

/** 收入预算 by source, in document order, when more than one source brings money. */
export function incomeSourceChart(record: UnitYearRecord): ChartSpec | null {
  const sources = record.income.sources.filter((s) => s.amount !== 0);
  if (sources.length < 2) return null;
  const { year } = record.identity;
  return {
    id: 'chart-income',
    kind: 'horizontalBar',
    title: `${year}年收入预算（按来源）`,
    labels: sources.map((s) => s.label),
    datasets: [dataset(`${year}年预算数`, sources.map((s) => wan(s.amount)))],
    unit: UNIT,
  };
}

/**
 * 基本支出 and 项目支出, this year and the year compared with: from that year's record when the site has
 * it (`previous`), else as implied by this document's stated changes (derived).
 */
export function spendingSplitChart(record: UnitYearRecord, previous: RecordSummary | null): ChartSpec | null {
  const { year } = record.identity;
  const current = { label: yearLabel(year, false), basic: record.keyFigures.basicExpenditure, project: record.keyFigures.projectExpenditure, derived: false };
  if (current.basic === null && current.project === null) return null;
  const implied = record.impliedPreviousYear;
  const before = previous
    ? { label: yearLabel(previous.identity.year, false), basic: previous.keyFigures.basicExpenditure, project: previous.keyFigures.projectExpenditure, derived: false }
    : implied && (implied.basicExpenditure !== null || implied.projectExpenditure !== null)
      ? { label: yearLabel(implied.year, true), basic: implied.basicExpenditure, project: implied.projectExpenditure, derived: true }
      : null;
  const columns = before ? [before, current] : [current];
  const datasets = [
    dataset('基本支出', columns.map((c) => wan(c.basic)), columns.map((c) => c.derived)),
    dataset('项目支出', columns.map((c) => wan(c.project)), columns.map((c) => c.derived)),
  ];
  if (!hasSubstance(datasets)) return null;
  const title = before ? `基本支出与项目支出：${before.label.replace(DERIVED_SUFFIX, '')}与${year}年` : `${year}年基本支出与项目支出`;
  return { id: 'chart-spending', kind: 'bar', title, labels: columns.map((c) => c.label), datasets, unit: UNIT };
}

/**
 * “三公”经费 items and total, this year (first series) against the year compared with: from that year's
 * record when the site has it, else each figure less its stated change (derived). An item this year's document does not
 * print legibly but that follows from the total (`inferred`) is flagged derived too.
 */
export function threePublicChart(record: UnitYearRecord, previous: RecordSummary | null): ChartSpec | null {
  const tp = record.threePublic;
  const { year } = record.identity;
  const keys: ReadonlyArray<readonly [keyof ThreePublic, string]> = [...THREE_PUBLIC_ITEMS, ['total', '合计']];
  const impliedOf = (key: keyof ThreePublic): number | null => {
    const { amount, change } = tp[key];
    return amount !== null && change?.amount != null ? amount - change.amount : null;
  };
  const previousYear = previous?.identity.year
    ?? record.impliedPreviousYear?.year ?? tp.total.change?.comparedYear ?? year - 1;
  const before = previous
    ? dataset(yearLabel(previousYear, false), keys.map(([k]) => wan(previous.threePublic[k].amount)))
    : dataset(yearLabel(previousYear, true), keys.map(([k]) => wan(impliedOf(k))), keys.map(([k]) => impliedOf(k) !== null));
  const current = dataset(yearLabel(year, false), keys.map(([k]) => wan(tp[k].amount)), keys.map(([k]) => tp[k].inferred));
  const datasets = before.values.some((v) => v !== null) ? [current, before] : [current];
  if (!hasSubstance(datasets)) return null;
  return {
    id: 'chart-three-public',
    kind: 'horizontalBar',
    title: datasets.length > 1 ? `“三公”经费：${year}年与${previousYear}年` : `${year}年“三公”经费`,
    labels: keys.map(([, label]) => label),
    datasets,
    unit: UNIT,
  };
}

/** Attached tables broken down by 部门预算支出经济分类科目, by the spending part they break down. */
const ECONOMIC_TABLES: Readonly<Record<string, string>> = {
  basicExpenditure: '基本支出',
  projectExpenditure: '项目支出',
};

/** The row's name: its first text cell that is neither the code nor an amount column. */
function rowName(table: Table, row: TableRow): string {
  const numeric = new Set(table.numericColumns);
  return row.cells.find((c, i) => !numeric.has(i) && c.text !== '' && c.text !== row.code)?.text ?? row.code ?? '';
}

/**
 * One chart per attached 经济分类 table (基本支出, 项目支出): the amounts of its first amount column by
 * 款 (by 类 when the table lists fewer than two 款), largest first. Rows of zero are left out.
 */
export function economicClassCharts(record: UnitYearRecord): ChartSpec[] {
  const specs: ChartSpec[] = [];
  for (const table of record.tables) {
    const part = ECONOMIC_TABLES[table.kind];
    const column = table.numericColumns[0];
    if (!part || column === undefined) continue;
    const amountOf = (row: TableRow): number | null => row.cells[column]?.fen ?? null;
    const at = (level: TableRow['level']) => table.rows.filter((r) => !r.total && r.level === level && amountOf(r));
    const sections = at('section');
    const rows = sections.length >= 2 ? sections : at('class');
    if (rows.length < 2) continue;
    const sorted = [...rows].sort((a, b) => amountOf(b)! - amountOf(a)!);
    specs.push({
      id: `chart-${table.id}`,
      kind: 'horizontalBar',
      title: `${record.identity.year}年${part}按经济分类科目（${rows === sections ? '款' : '类'}）`,
      labels: sorted.map((r) => rowName(table, r)),
      datasets: [dataset('预算数', sorted.map((r) => wanFromFen(amountOf(r)!)))],
      unit: UNIT,
    });
  }
  return specs;
}

/** Parts of the unit-year page that have charts (the names of the page's structured blocks). */
export type RecordChartBlock = 'income' | 'function' | 'spending' | 'threePublic' | 'tables';

/** The charts that go with one block of the unit-year page, in order. */
export function recordBlockCharts(
  record: UnitYearRecord, previous: RecordSummary | null, block: string,
): ChartSpec[] {
  const charts: Record<RecordChartBlock, () => Array<ChartSpec | null>> = {
    income: () => [incomeSourceChart(record)],
    function: () => [functionClassChart(record)],
    spending: () => [spendingSplitChart(record, previous)],
    threePublic: () => [threePublicChart(record, previous)],
    tables: () => economicClassCharts(record),
  };
  if (!Object.hasOwn(charts, block)) return [];
  return charts[block as RecordChartBlock]().filter((c): c is ChartSpec => c !== null);
}

/** A key figure in a year column: the record's, or the implied one (null when the statements give none). */
function columnValue(field: KeyFigureField, column: YearColumn): number | null {
  const value = column.kind === 'record' ? field.get(column.record) : field.implied ? column.figures[field.implied] : null;
  return typeof value === 'number' ? value : null;
}

/** The headline total of a column, as `budgetTotal` reads a record. */
const columnTotal = (column: YearColumn): number | null => column.kind === 'record'
  ? budgetTotal(column.record)
  : column.figures.expenditureTotal ?? column.figures.incomeTotal;

/**
 * The unit across its years (unit page): budget total with 基本/项目支出, and “三公”经费. Years implied by
 * a later document's stated changes are included, flagged derived and labelled 推算. No charts for a
 * unit with a single year.
 */
export function unitTrendCharts(records: readonly RecordSummary[]): ChartSpec[] {
  const columns = unitYearColumns(records);
  if (columns.length < 2) return [];
  const labels = columns.map((c) => yearLabel(c.year, c.kind === 'implied'));
  const derived = columns.map((c) => c.kind === 'implied');
  const series = (label: string, value: (c: YearColumn) => number | null) =>
    dataset(label, columns.map((c) => wan(value(c))), derived);
  const field = (name: string) => (c: YearColumn) => columnValue(keyFigureField(name), c);
  const budget = [
    series('预算总额', columnTotal),
    series('基本支出', field('basicExpenditure')),
    series('项目支出', field('projectExpenditure')),
  ].filter((d) => d.values.some((v) => v !== null));
  const threePublic = [series('“三公”经费', field('threePublicTotal'))];
  const specs: ChartSpec[] = [];
  if (hasSubstance(budget)) specs.push({ id: 'chart-trend-budget', kind: 'bar', title: '历年预算总额与基本支出、项目支出', labels, datasets: budget, unit: UNIT });
  if (hasSubstance(threePublic)) specs.push({ id: 'chart-trend-three-public', kind: 'bar', title: '历年“三公”经费', labels, datasets: threePublic, unit: UNIT });
  return specs;
}

/**
 * The units of one year compared by the figure the year page is sorted by, in the page's order (largest
 * first); units without the figure are left out, and at most `limit` are drawn.
 */
export function yearComparisonChart(
  year: number, records: readonly RecordSummary[], sort: YearSort, limit = 30,
): ChartSpec | null {
  const value = yearSortValue[sort];
  const known = sortYearRecords(records, sort).filter((r) => value(r) !== null);
  if (known.length < 2) return null;
  const shown = known.slice(0, limit);
  const datasets = [dataset(yearSortLabels[sort], shown.map((r) => wan(value(r))))];
  if (!hasSubstance(datasets)) return null;
  return {
    id: `chart-year-${sort}`,
    kind: 'horizontalBar',
    title: `${year}年各单位${yearSortLabels[sort]}${shown.length < known.length ? `（前${limit}个单位）` : ''}`,
    labels: shown.map(chartUnitLabel),
    datasets,
    unit: UNIT,
  };
}

/**
 * A unit's name as a chart label: without the city every unit of the site shares (重庆市…), which on a
 * phone left no room for the part that tells units apart. The district stays: units of several
 * districts stand side by side.
 */
export function chartUnitLabel(r: Pick<RecordSummary, 'identity'>): string {
  const { unit, city } = r.identity;
  return city && unit.startsWith(city) && unit.length > city.length ? unit.slice(city.length) : unit;
}
