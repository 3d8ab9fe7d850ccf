/**
 * Where a bar's value label goes (src/client/charts.ts draws it): past the end of the bar — right of a
 * horizontal bar, above a vertical one; left of / below a negative bar — or nowhere when the bar is too
 * thin to carry a label or the label would leave the canvas. Pure, so it is tested without a browser.
 */

export interface BarBox {
  /** End of the bar along the value axis (x for a horizontal bar, y for a vertical one), canvas pixels. */
  end: number;
  /** Centre of the bar across it (y for a horizontal bar, x for a vertical one). */
  centre: number;
  /** Thickness of the bar across it. */
  thickness: number;
  /** True when the value is below zero (the bar runs left / down from the base). */
  negative: boolean;
}

export interface LabelPlace {
  x: number;
  y: number;
  align: 'left' | 'right' | 'center';
  baseline: 'middle' | 'bottom' | 'top';
}

/** Gap between a bar's end and its label, in pixels. */
const GAP = 4;

/**
 * The label's place, or null when it does not fit: a label needs a bar at least `textHeight` thick
 * (horizontal) or `textWidth` wide (vertical), and room inside the canvas (`width` × `height`).
 */
export function valueLabelPlace(
  bar: BarBox, horizontal: boolean, textWidth: number, textHeight: number, width: number, height: number,
): LabelPlace | null {
  if (horizontal) {
    if (bar.thickness < textHeight) return null;
    const x = bar.negative ? bar.end - GAP : bar.end + GAP;
    if (bar.negative ? x - textWidth < 0 : x + textWidth > width) return null;
    return { x, y: bar.centre, align: bar.negative ? 'right' : 'left', baseline: 'middle' };
  }
  if (bar.thickness < textWidth) return null;
  const y = bar.negative ? bar.end + GAP : bar.end - GAP;
  if (bar.negative ? y + textHeight > height : y - textHeight < 0) return null;
  return { x: bar.centre, y, align: 'center', baseline: bar.negative ? 'top' : 'bottom' };
}
