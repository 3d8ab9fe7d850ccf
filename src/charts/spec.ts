/** The shape of a chart: what the build embeds and the client draws (data.ts makes them, format.ts describes them). */

/** How a chart is drawn: vertical bars (categories along x) or horizontal bars (categories down y). */
export type ChartKind = 'bar' | 'horizontalBar';

/** One series of a chart. */
export interface ChartDataset {
  label: string;
  /** 万元 for display, one per label; null where the figure is unknown. */
  values: Array<number | null>;
  /** Per value: true when derived from a stated change rather than printed. Omitted when none is. */
  derived?: boolean[];
}

/** Everything the client needs to draw one chart, and the build needs to describe it in text. */
export interface ChartSpec {
  /** Unique on its page; also the element id of the chart's figure. */
  id: string;
  kind: ChartKind;
  title: string;
  labels: string[];
  datasets: ChartDataset[];
  unit: '万元';
}
