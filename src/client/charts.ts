/**
 * The site's one client script: draws the charts of a page with Chart.js.
 *
 * Each chart is a `<figure data-chart>` (src/components/charts/Chart.astro) holding a canvas and its
 * `ChartSpec` as JSON in a non-executable `<script type="application/json">`. A chart is drawn when it
 * comes near the viewport, and every chart is drawn (without animation) before printing. Only the bar
 * controller, its element, the two scales and the tooltip are registered: that keeps all JavaScript of a
 * chart page under 60 KB gzip.
 *
 * Series are told apart without colour: Okabe–Ito colours of distinct lightness, each with its own fill
 * mark (solid, dots, grid, upright lines). Derived figures (推算) are hollow: diagonal hatching on white,
 * outlined; no series mark is diagonal, so a series never looks like 推算 (项目支出's "/" stripes did).
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { ChartConfiguration, Plugin, Scale, TooltipItem } from 'chart.js';
import { valueLabelPlace } from './chart-labels.ts';
import type { ChartSpec } from '../charts/spec.ts';
import { DERIVED_SUFFIX, formatWanNumber, formatWanTick } from '../charts/format.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Okabe–Ito colours, ordered so neighbours differ in greyscale lightness (luma 87, 162, 106, 151). */
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'];
/** Fill mark of each series, in the same order; none diagonal (diagonal hatching means 推算). */
const MARKS = ['solid', 'dots', 'grid', 'columns'] as const;
type Mark = (typeof MARKS)[number] | 'hatch';

const TILE = 8;

/** Colour of the key entry that explains the derived fill, whatever the series. */
const NEUTRAL = '#565656';

/**
 * A fill in `colour`: a series' own mark, dark over the colour (mostly colour), or for derived values
 * diagonal hatching on white (mostly white), so printed or in greyscale the two never look alike.
 */
function paint(colour: string, mark: Mark): string | CanvasPattern {
  if (mark === 'solid') return colour;
  const derived = mark === 'hatch';
  const tile = document.createElement('canvas');
  tile.width = tile.height = TILE;
  const g = tile.getContext('2d')!;
  g.fillStyle = derived ? '#ffffff' : colour;
  g.fillRect(0, 0, TILE, TILE);
  g.strokeStyle = g.fillStyle = derived ? colour : 'rgba(0,0,0,0.45)';
  g.lineWidth = 1.25;
  g.beginPath();
  if (derived) {
    // "\" lines, drawn past the tile's corners so they join.
    for (const o of [-TILE, 0, TILE]) { g.moveTo(o, 0); g.lineTo(o + TILE, TILE); }
    g.stroke();
  } else if (mark === 'columns') {
    g.moveTo(TILE / 2, 0); g.lineTo(TILE / 2, TILE);
    g.stroke();
  } else if (mark === 'dots') {
    g.arc(TILE / 2, TILE / 2, 1.5, 0, 2 * Math.PI);
    g.fill();
  } else {
    g.moveTo(TILE / 2, 0); g.lineTo(TILE / 2, TILE); g.moveTo(0, TILE / 2); g.lineTo(TILE, TILE / 2);
    g.stroke();
  }
  return g.createPattern(tile, 'repeat')!;
}

const colourOf = (series: number): string => COLOURS[series % COLOURS.length]!;

/** The fill of a value of a series: its colour and mark, or hatched when the value is derived. */
const fill = (series: number, derived: boolean): string | CanvasPattern =>
  paint(colourOf(series), derived ? 'hatch' : MARKS[series % MARKS.length]!);

/**
 * A label in at most two lines of `width` characters: split before a parenthesis when that fits
 * (2025年 / （推算）), else cut, with an ellipsis when even two lines are too short.
 */
function wrap(label: string, width: number): string | string[] {
  if (label.length <= width) return label;
  const paren = label.indexOf('（');
  if (paren > 0 && paren <= width && label.length - paren <= width) return [label.slice(0, paren), label.slice(paren)];
  const second = label.slice(width);
  return [label.slice(0, width), second.length > width ? `${second.slice(0, width - 1)}…` : second];
}

/** Size of the value labels written at the end of each bar, in CSS pixels. */
const LABEL_SIZE = 12;

/**
 * Writes each bar's value (万元, as the table prints it) at the bar's end, where it fits (chart-labels.ts);
 * the tooltip and the table beside the chart still give every value.
 */
function valueLabels(colour: string, family: string): Plugin<'bar'> {
  return {
    id: 'gongkaiValueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const horizontal = chart.options.indexAxis === 'y';
      ctx.save();
      ctx.font = `${LABEL_SIZE}px ${family}`;
      ctx.fillStyle = colour;
      chart.data.datasets.forEach((dataset, d) => {
        const meta = chart.getDatasetMeta(d);
        if (!chart.isDatasetVisible(d)) return;
        meta.data.forEach((element, i) => {
          const value = dataset.data[i];
          if (typeof value !== 'number') return;
          const label = formatWanNumber(value);
          const { x, y, width, height } = element.getProps(['x', 'y', 'width', 'height'], true) as Record<string, number>;
          const place = valueLabelPlace(
            { end: horizontal ? x! : y!, centre: horizontal ? y! : x!, thickness: horizontal ? height! : width!, negative: value < 0 },
            horizontal, ctx.measureText(label).width, LABEL_SIZE, chart.width, chart.height,
          );
          if (!place) return;
          ctx.textAlign = place.align;
          ctx.textBaseline = place.baseline;
          ctx.fillText(label, place.x, place.y);
        });
      });
      ctx.restore();
    },
  };
}

const reducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The Chart.js configuration of a spec. */
function configure(spec: ChartSpec, figure: HTMLElement, animate: boolean): ChartConfiguration<'bar'> {
  const horizontal = spec.kind === 'horizontalBar';
  const style = getComputedStyle(figure);
  const text = style.color;
  const font = { family: style.fontFamily, size: 13 };
  const derivedAt = (series: number, index: number) => spec.datasets[series]?.derived?.[index] ?? false;
  const labelWidth = () => (figure.clientWidth < 560 ? 8 : 20);
  const valueAxis = {
    beginAtZero: true,
    ticks: { color: text, font, callback: (v: string | number) => formatWanTick(Number(v)) },
    title: { display: true, text: spec.unit, color: text, font },
    grid: { color: 'rgba(0,0,0,0.15)' },
    border: { color: text },
  };
  const categoryAxis = {
    ticks: {
      color: text, font, autoSkip: false, maxRotation: 0,
      callback(this: Scale, v: string | number) { return wrap(this.getLabelForValue(Number(v)), labelWidth()); },
    },
    grid: { display: false },
    border: { color: text },
  };
  return {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((d, s) => ({
        label: d.label,
        data: d.values,
        backgroundColor: d.values.map((_, i) => fill(s, derivedAt(s, i))),
        borderColor: colourOf(s),
        borderWidth: d.values.map((_, i) => (derivedAt(s, i) ? 2 : 0)),
        borderSkipped: false,
        maxBarThickness: 48,
      })),
    },
    plugins: [valueLabels(text, style.fontFamily)],
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      // Room for the value labels past the longest bar.
      layout: { padding: horizontal ? { right: 72 } : { top: LABEL_SIZE + 8 } },
      responsive: true,
      maintainAspectRatio: false,
      // Sharp when printed; never blurry on high-density screens.
      devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2),
      animation: animate && !reducedMotion() ? { duration: 400 } : false,
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        tooltip: {
          titleFont: font,
          bodyFont: font,
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const series = item.dataset.label ?? '';
              const named = series.includes(DERIVED_SUFFIX) || item.label.includes(DERIVED_SUFFIX);
              const mark = derivedAt(item.datasetIndex, item.dataIndex) && !named ? DERIVED_SUFFIX : '';
              return `${series}：${formatWanNumber(item.raw as number)} ${spec.unit}${mark}`;
            },
          },
        },
      },
    },
  };
}

/**
 * A visual key above the canvas (the canvas itself is described in text): each series, drawn as its
 * values are (hatched when all of them are derived), and the derived fill when some value is derived.
 */
function legend(spec: ChartSpec): HTMLElement | null {
  const allDerived = (d: ChartSpec['datasets'][number]) => d.derived?.every(Boolean) ?? false;
  const entries = spec.datasets.length > 1
    ? spec.datasets.map((d, s) => ({ label: d.label, fill: fill(s, allDerived(d)) }))
    : [];
  if (spec.datasets.some((d) => d.derived?.some(Boolean))) {
    entries.push({ label: `白底斜线、带边框 = 推算：由“比上年增减”倒推，非原文数字`, fill: paint(NEUTRAL, 'hatch') });
  }
  if (entries.length === 0) return null;
  const list = document.createElement('ul');
  list.className = 'chart-legend';
  list.setAttribute('aria-hidden', 'true');
  for (const entry of entries) {
    const item = document.createElement('li');
    const swatch = document.createElement('canvas');
    swatch.className = 'chart-swatch';
    swatch.width = swatch.height = 28;
    const g = swatch.getContext('2d')!;
    g.fillStyle = entry.fill;
    g.fillRect(0, 0, 28, 28);
    item.append(swatch, entry.label);
    list.append(item);
  }
  return list;
}

const drawn = new Map<HTMLElement, Chart<'bar'>>();

/** Draws the chart of one figure, once. */
function draw(figure: HTMLElement, animate: boolean): void {
  if (drawn.has(figure)) return;
  const json = figure.querySelector('script[type="application/json"]')?.textContent;
  const canvas = figure.querySelector<HTMLCanvasElement>('canvas[role="img"]');
  if (!json || !canvas) return;
  const spec = JSON.parse(json) as ChartSpec;
  const key = legend(spec);
  if (key) canvas.parentElement!.before(key);
  drawn.set(figure, new Chart(canvas, configure(spec, figure, animate)));
  figure.classList.add('chart-drawn');
}

const figures = [...document.querySelectorAll<HTMLElement>('[data-chart]')];
if ('IntersectionObserver' in window) {
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      draw(entry.target as HTMLElement, true);
    }
  }, { rootMargin: '200px 0px' });
  for (const figure of figures) observer.observe(figure);
} else {
  for (const figure of figures) draw(figure, false);
}

// Printing shows every chart, including those never scrolled to; sizes follow the print layout.
window.addEventListener('beforeprint', () => {
  for (const figure of figures) draw(figure, false);
  for (const chart of drawn.values()) chart.resize();
});
window.addEventListener('afterprint', () => {
  for (const chart of drawn.values()) chart.resize();
});
