/**
 * labelAmount's offsets: the number's start is computed from the end of the match (no `d` flag); it must be
 * where the number is written, whatever spaces stand before the unit or groups a regex label holds.
 */
import { describe, expect, it } from 'vitest';
import { labelAmount } from '../stages/patterns.ts';

describe('labelAmount', () => {
  const cases: [string, string, boolean, string, number][] = [
    ['一般公共预算拨款收入609.35万元。', '一般公共预算拨款', false, '609.35', 6093500],
    ['收入预算 1,483.96  万元，比上年增加', '收入预算', false, '1,483.96', 14839600],
    ['其中：货物预算为\u00a05\u3000万元', '货物', false, '5', 50000],
    ['财政拨款支出-12.5元', '(财政拨款|一般公共预算拨款)支出', true, '-12.5', null as unknown as number],
    ['财政拨款支出1200元，一般公共预算拨款支出3万元', '(?:(财政)拨款|一般公共预算拨款)支出', true, '1200', 1200],
  ];
  for (const [text, label, isRegex, raw, yuan] of cases) {
    it(`${text} / ${label}`, () => {
      const a = labelAmount(text, label, 0, isRegex);
      if (yuan === null) {
        expect(a).toBeNull();
        return;
      }
      expect(a).not.toBeNull();
      expect(a!.raw).toBe(raw);
      expect(a!.yuan).toBe(yuan);
      expect(text.slice(a!.start, a!.start + raw.length)).toBe(raw);
      expect(text.slice(a!.labelStart)).toMatch(isRegex ? new RegExp(`^${label}`) : new RegExp(`^${label}`));
      expect(/(万元|亿元|千元|元)$/.test(text.slice(a!.start, a!.end))).toBe(true);
    });
  }
});
