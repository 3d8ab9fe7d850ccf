/**
 * Display of chart amounts (万元 numbers), shared by the build (text alternatives) and the client (axes,
 * tooltips) so the picture and its text never read differently.
 */
import type { ChartSpec } from './spec.ts';

/** Appended to the label of a year, or to a value, that is derived from a stated change (not printed). */
export const DERIVED_SUFFIX = '（推算）';

/** Two decimals, Chinese grouping; a value that rounds to zero never shows a minus sign. */
const twoDecimals = new Intl.NumberFormat('zh-CN', {
  minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'negative',
});

/** Up to two decimals, for axis ticks (0, 500, 1,000.5). */
const upToTwoDecimals = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, signDisplay: 'negative' });

/**
 * A 万元 number as "1,234.57". The number is formatted from its shortest decimal text, so rounding is
 * decimal half-away-from-zero, exactly as `formatWan` rounds the integer 元 it came from.
 */
export function formatWanNumber(wan: number): string {
  return twoDecimals.format(String(wan) as Intl.StringNumericLiteral);
}

/** An axis tick value in 万元 with at most two decimals. */
export function formatWanTick(wan: number): string {
  return upToTwoDecimals.format(String(wan) as Intl.StringNumericLiteral);
}

/** What a chart shows, as one sentence: every label with its values (the canvas's text alternative). */
export function describeChart(spec: ChartSpec): string {
  const value = (v: number | null | undefined) => (v == null ? '未列明' : `${formatWanNumber(v)}${spec.unit}`);
  const single = spec.datasets.length === 1;
  const parts = spec.labels.map((label, i) => (single
    ? `${label} ${value(spec.datasets[0]!.values[i])}`
    : `${label}：${spec.datasets.map((d) => `${d.label} ${value(d.values[i])}`).join('，')}`));
  const only = spec.datasets[0]!.label;
  const series = single && !spec.title.includes(only) ? `（${only}）` : '';
  return `${spec.title}${series}：${parts.join('；')}。`;
}
