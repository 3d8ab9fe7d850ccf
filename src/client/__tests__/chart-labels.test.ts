import { describe, expect, test } from 'vitest';
import { valueLabelPlace } from '../chart-labels.ts';

describe('valueLabelPlace', () => {
  test('a horizontal bar: right of its end, or left of a negative one', () => {
    expect(valueLabelPlace({ end: 200, centre: 50, thickness: 20, negative: false }, true, 40, 12, 400, 300))
      .toEqual({ x: 204, y: 50, align: 'left', baseline: 'middle' });
    expect(valueLabelPlace({ end: 100, centre: 50, thickness: 20, negative: true }, true, 40, 12, 400, 300))
      .toEqual({ x: 96, y: 50, align: 'right', baseline: 'middle' });
  });

  test('a vertical bar: above its end, or below a negative one', () => {
    expect(valueLabelPlace({ end: 80, centre: 120, thickness: 48, negative: false }, false, 40, 12, 400, 300))
      .toEqual({ x: 120, y: 76, align: 'center', baseline: 'bottom' });
    expect(valueLabelPlace({ end: 200, centre: 120, thickness: 48, negative: true }, false, 40, 12, 400, 300))
      .toEqual({ x: 120, y: 204, align: 'center', baseline: 'top' });
  });

  test('no label on a bar too thin for it, nor one that would leave the canvas', () => {
    expect(valueLabelPlace({ end: 200, centre: 50, thickness: 8, negative: false }, true, 40, 12, 400, 300)).toBeNull();
    expect(valueLabelPlace({ end: 380, centre: 50, thickness: 20, negative: false }, true, 40, 12, 400, 300)).toBeNull();
    expect(valueLabelPlace({ end: 80, centre: 120, thickness: 30, negative: false }, false, 40, 12, 400, 300)).toBeNull();
    expect(valueLabelPlace({ end: 10, centre: 120, thickness: 48, negative: false }, false, 40, 12, 400, 300)).toBeNull();
  });
});
